package io.ringside.simulator.limits;

import java.util.Optional;

/** Makes the next N platform requests fail with 503 or 429, to test a client's retries and back-off. */
public final class FaultInjector {

    private int remaining;
    private int status;

    public synchronized void failNext(int count, int httpStatus) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative: " + count);
        }
        if (httpStatus != 503 && httpStatus != 429) {
            throw new IllegalArgumentException("only 503 and 429 are simulated, not " + httpStatus);
        }
        this.remaining = count;
        this.status = httpStatus;
    }

    /** The status this request must fail with, consuming one planned failure; empty when none is left. */
    public synchronized Optional<Integer> nextFailure() {
        if (remaining == 0) {
            return Optional.empty();
        }
        remaining--;
        return Optional.of(status);
    }

    public synchronized int remaining() {
        return remaining;
    }

    public synchronized void clear() {
        remaining = 0;
    }
}
