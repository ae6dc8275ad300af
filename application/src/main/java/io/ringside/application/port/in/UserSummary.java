package io.ringside.application.port.in;

import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;

import java.time.Instant;
import java.util.UUID;

/**
 * A person as the console shows them (never their password hash).
 *
 * @param locked  whether logins are refused now after too many wrong passwords
 * @param version what an edit must name, so two admins' edits cannot silently overwrite each other
 */
public record UserSummary(UUID id, String username, String displayName, Role role, ExtensionLink extension, boolean enabled,
                          boolean locked, Instant lastLoginAt, boolean mustChangePassword, long version) {

    public static UserSummary of(UserAccount user, Instant now) {
        return new UserSummary(user.id(), user.username(), user.displayName(), user.role(), user.extension(), user.enabled(),
                user.isLocked(now), user.lastLoginAt(), user.mustChangePassword(), user.version());
    }

    public boolean isAdmin() {
        return role.isAdmin();
    }
}
