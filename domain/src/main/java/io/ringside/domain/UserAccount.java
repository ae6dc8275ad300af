package io.ringside.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person who logs in to Ringside. Knows its own login rules: when it is locked, what a failed or a
 * successful login changes, whether the password must be changed first. The password is kept only as
 * a hash (never printed).
 *
 * @param extension          the RingCentral extension the person sits at, or null
 * @param passwordHash       the encoded hash, in the hasher's own format
 * @param failedLogins       wrong passwords in a row since the last login or lock
 * @param lockedUntil        until when logins are refused, or null
 * @param lastLoginAt        the last successful login, or null
 * @param mustChangePassword whether the password is a temporary one the person must replace at once
 * @param version            the stored version, for optimistic locking (0 for a user not yet stored)
 */
public record UserAccount(UUID id, String username, String displayName, Role role, ExtensionLink extension, boolean enabled,
                          String passwordHash, int failedLogins, Instant lockedUntil, Instant lastLoginAt,
                          boolean mustChangePassword, long version) {

    public static final int USERNAME_MAX_LENGTH = 64;
    public static final int DISPLAY_NAME_MAX_LENGTH = 100;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]*");

    public UserAccount {
        Objects.requireNonNull(id, "id");
        username = username(username);
        displayName = Text.requireAtMost(Text.requireText(displayName, "The display name"), DISPLAY_NAME_MAX_LENGTH, "The display name");
        Objects.requireNonNull(role, "role");
        passwordHash = Text.requireText(passwordHash, "A password hash");
        if (failedLogins < 0) {
            throw new IllegalArgumentException("Failed logins cannot be negative");
        }
        if (version < 0) {
            throw new IllegalArgumentException("A version cannot be negative");
        }
    }

    /** A new person, enabled, who must choose their own password at first login. */
    public static UserAccount create(String username, String displayName, Role role, ExtensionLink extension, String temporaryPasswordHash) {
        return new UserAccount(UUID.randomUUID(), username, displayName, role, extension, true, temporaryPasswordHash,
                0, null, null, true, 0);
    }

    /** Usernames are compared without case: "Maria" and "maria" are one person. */
    public static String username(String username) {
        String name = Text.requireText(username, "The username").toLowerCase(Locale.ROOT);
        Text.requireAtMost(name, USERNAME_MAX_LENGTH, "The username");
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "The username may use letters, digits and . _ @ - only, and starts with a letter or digit");
        }
        if (name.equals(Actor.SYSTEM)) {
            // The audit trail names Ringside itself so; a person by that name would be mistaken for it.
            throw new IllegalArgumentException("The username " + Actor.SYSTEM + " is Ringside's own: choose another");
        }
        return name;
    }

    public boolean isAdmin() {
        return role.isAdmin();
    }

    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** A wrong password: counts it, and locks the username once the lockout's limit is reached. */
    public UserAccount loginFailed(Instant now, LoginLockout lockout) {
        int failures = isLocked(now) ? failedLogins : failedLogins + 1;
        if (failures >= lockout.maxFailures()) {
            return with(0, now.plus(lockout.lockFor()), lastLoginAt);
        }
        return with(failures, lockedUntil, lastLoginAt);
    }

    /** A successful login: the count of failures starts again. */
    public UserAccount loggedIn(Instant now) {
        return with(0, null, now);
    }

    public UserAccount withPassword(String newHash, boolean temporary) {
        return new UserAccount(id, username, displayName, role, extension, enabled, newHash, 0, null, lastLoginAt, temporary, version);
    }

    public UserAccount edited(String newDisplayName, Role newRole, ExtensionLink newExtension) {
        return new UserAccount(id, username, newDisplayName, newRole, newExtension, enabled, passwordHash, failedLogins,
                lockedUntil, lastLoginAt, mustChangePassword, version);
    }

    public UserAccount withEnabled(boolean newEnabled) {
        return new UserAccount(id, username, displayName, role, extension, newEnabled, passwordHash, newEnabled ? 0 : failedLogins,
                newEnabled ? null : lockedUntil, lastLoginAt, mustChangePassword, version);
    }

    /** This account as stored at {@code newVersion}. */
    public UserAccount atVersion(long newVersion) {
        return new UserAccount(id, username, displayName, role, extension, enabled, passwordHash, failedLogins, lockedUntil,
                lastLoginAt, mustChangePassword, newVersion);
    }

    private UserAccount with(int failures, Instant lockedUntil, Instant lastLogin) {
        return new UserAccount(id, username, displayName, role, extension, enabled, passwordHash, failures, lockedUntil,
                lastLogin, mustChangePassword, version);
    }

    @Override
    public String toString() {
        return "UserAccount[id=" + id + ", username=" + username + ", displayName=" + displayName + ", role=" + role
                + ", extension=" + extension + ", enabled=" + enabled + ", passwordHash=" + Secrets.MASK
                + ", failedLogins=" + failedLogins + ", lockedUntil=" + lockedUntil + ", lastLoginAt=" + lastLoginAt
                + ", mustChangePassword=" + mustChangePassword + ", version=" + version + "]";
    }
}
