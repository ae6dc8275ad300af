package io.ringside.application.port.out;

import io.ringside.domain.PendingAuthorization;

import java.time.Instant;
import java.util.Optional;

/** OAuth attempts in flight. */
public interface PendingAuthorizationStore {

    void save(PendingAuthorization pending);

    /**
     * Removes and returns the attempt with this state if it has not expired at {@code now}.
     * Of two concurrent takes of the same state, exactly one gets it.
     */
    Optional<PendingAuthorization> take(String state, Instant now);

    /** Forgets attempts that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
