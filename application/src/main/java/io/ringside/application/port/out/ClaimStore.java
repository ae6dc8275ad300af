package io.ringside.application.port.out;

import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The claims on callers ("Maria is on it"), shared by every instance. */
public interface ClaimStore {

    /** Stores {@code claim}, replacing any claim on its number. */
    void put(Claim claim);

    /** Removes the claim on {@code phone} if {@code by} made it; true when one was removed. */
    boolean release(PhoneNumber phone, UUID by);

    /** Removes the claims no longer active at {@code now}; how many. */
    int expire(Instant now);

    /** The claims active at {@code now}. */
    List<Claim> active(Instant now);
}
