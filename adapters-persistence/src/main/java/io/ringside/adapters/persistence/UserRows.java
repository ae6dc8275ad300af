package io.ringside.adapters.persistence;

import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

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
}
