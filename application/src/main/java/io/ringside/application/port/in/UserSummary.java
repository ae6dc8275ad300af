package io.ringside.application.port.in;

import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;

import java.time.Instant;
import java.util.UUID;

/**
 * A person as the console shows them (never their password hash).
 *
 * @param locked      whether logins are refused now after too many wrong passwords
 * @param lockedUntil until when, while locked (the Users page says "Locked until 14:32"); null otherwise
 * @param version     what an edit must name, so two admins' edits cannot silently overwrite each other
 */
public record UserSummary(UUID id, String username, String displayName, Role role, ExtensionLink extension, boolean enabled,
                          boolean locked, Instant lockedUntil, Instant lastLoginAt, boolean mustChangePassword, long version) {

    /** A summary without the lock's end (kept for callers written before the Users page needed it). */
    public UserSummary(UUID id, String username, String displayName, Role role, ExtensionLink extension, boolean enabled,
                       boolean locked, Instant lastLoginAt, boolean mustChangePassword, long version) {
        this(id, username, displayName, role, extension, enabled, locked, null, lastLoginAt, mustChangePassword, version);
    }

    public static UserSummary of(UserAccount user, Instant now) {
        boolean locked = user.isLocked(now);
        return new UserSummary(user.id(), user.username(), user.displayName(), user.role(), user.extension(), user.enabled(),
                locked, locked ? user.lockedUntil() : null, user.lastLoginAt(), user.mustChangePassword(), user.version());
    }

    public boolean isAdmin() {
        return role.isAdmin();
    }
}
