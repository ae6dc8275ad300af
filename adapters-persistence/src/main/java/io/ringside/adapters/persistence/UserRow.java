package io.ringside.adapters.persistence;

import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.InsertOnlyProperty;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A person as the {@code app_user} table holds them: the Spring Data JDBC aggregate behind
 * {@link SpringDataUserAccounts}. The extension link is two nullable columns.
 *
 * @param version   Spring Data's optimistic lock: 0 means "not stored yet" (so {@code save} inserts and
 *                  stores 1); otherwise {@code save} updates only the row still at this version, and bumps it
 * @param createdAt when the row was inserted; never updated
 */
@Table("app_user")
record UserRow(@Id UUID id, String username, String displayName, Role role, String extensionId,
               String extensionNumber, boolean enabled, String passwordHash, int failedLogins, Instant lockedUntil,
               Instant lastLoginAt, boolean mustChangePassword, @Version long version,
               @InsertOnlyProperty Instant createdAt) {

    static UserRow of(UserAccount user, Instant createdAt) {
        ExtensionLink extension = user.extension();
        return new UserRow(user.id(), user.username(), user.displayName(), user.role(),
                extension == null ? null : extension.id(), extension == null ? null : extension.number(),
                user.enabled(), user.passwordHash(), user.failedLogins(), user.lockedUntil(), user.lastLoginAt(),
                user.mustChangePassword(), user.version(), createdAt);
    }

    UserAccount toAccount() {
        ExtensionLink extension = extensionId == null && extensionNumber == null ? null
                : new ExtensionLink(extensionId, extensionNumber);
        return new UserAccount(id, username, displayName, role, extension, enabled, passwordHash, failedLogins,
                lockedUntil, lastLoginAt, mustChangePassword, version);
    }

    @Override
    public String toString() {
        return "UserRow[id=" + id + ", username=" + username + ", version=" + version + "]"; // never the hash
    }
}
