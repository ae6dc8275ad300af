package io.ringside.application.port.out;

import io.ringside.domain.UserAccount;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The people who log in to Ringside. */
public interface UserAccounts {

    Optional<UserAccount> byId(UUID id);

    /** @param username as typed; compared without case */
    Optional<UserAccount> byUsername(String username);

    /** Everyone, ordered by username. */
    List<UserAccount> all();

    boolean isEmpty();

    /**
     * Stores a new person.
     *
     * @return the person as stored (with its version)
     * @throws UsernameTakenException when the username is someone else's already
     */
    UserAccount add(UserAccount user);

    /**
     * Stores a change to a person, only if nobody changed them since {@code user} was read (its version).
     *
     * @return the person as stored (with the next version)
     * @throws ConcurrentChangeException when someone else changed or removed them meanwhile
     */
    UserAccount update(UserAccount user);

    /**
     * Stores what a login attempt changed: the failed-login count, the lock and the last login, and nothing else.
     * The version does not move, so an admin's change made from the list they opened still succeeds after the
     * person logged in (people log in all day; a scraper checks its password every 15 seconds). Stored only if the
     * person is exactly as {@code before} says: same version (no admin or password change meanwhile, which could
     * have disabled them) and the same three values (no other login attempt meanwhile, whose failure would be lost).
     *
     * @param before the person as read before the attempt
     * @param after  {@code before} after the attempt; only its failed logins, lock and last login are stored
     * @return false when someone else got there first (or the person is gone): read them again and apply the
     *         attempt once more
     */
    boolean recordLoginState(UserAccount before, UserAccount after);

    /** How many enabled admins there are. */
    long countEnabledAdmins();
}
