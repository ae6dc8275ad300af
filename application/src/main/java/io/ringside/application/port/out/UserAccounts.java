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

    /** How many enabled admins there are. */
    long countEnabledAdmins();
}
