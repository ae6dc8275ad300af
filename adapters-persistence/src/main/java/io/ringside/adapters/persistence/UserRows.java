package io.ringside.adapters.persistence;

import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The Spring Data JDBC repository of {@link UserRow}s. */
interface UserRows extends ListCrudRepository<UserRow, UUID> {

    /** @param username lower-case, as stored */
    Optional<UserRow> findByUsername(String username);

    List<UserRow> findAllByOrderByUsernameAsc();

    @Query("SELECT COUNT(*) FROM app_user WHERE role = 'ADMIN' AND enabled = TRUE")
    long countEnabledAdmins();

    /**
     * A login attempt's bookkeeping, as a compare-and-set on the version and the previous bookkeeping; the version
     * is left alone. {@code IS NOT DISTINCT FROM} (H2 2.x and PostgreSQL) compares a null lock or last login too.
     *
     * @return 1 when stored, 0 when the row changed meanwhile or is gone
     */
    @Modifying
    @Query("""
            UPDATE app_user SET failed_logins = :failedLogins, locked_until = :lockedUntil, last_login_at = :lastLoginAt
            WHERE id = :id AND version = :version AND failed_logins = :wasFailedLogins
              AND locked_until IS NOT DISTINCT FROM :wasLockedUntil AND last_login_at IS NOT DISTINCT FROM :wasLastLoginAt""")
    int recordLoginState(@Param("id") UUID id, @Param("version") long version, @Param("wasFailedLogins") int wasFailedLogins,
                         @Param("wasLockedUntil") Instant wasLockedUntil, @Param("wasLastLoginAt") Instant wasLastLoginAt,
                         @Param("failedLogins") int failedLogins, @Param("lockedUntil") Instant lockedUntil,
                         @Param("lastLoginAt") Instant lastLoginAt);
}
