package io.ringside.application.port.out;

import java.time.Instant;
import java.util.Objects;

/** RingCentral's rate limit for a request group is used up, or its penalty runs, until {@link #until()}. */
public final class RingCentralRateLimitedException extends RingCentralException {

    private final String group;
    private final Instant until;

    public RingCentralRateLimitedException(String group, Instant until) {
        super("RingCentral's " + group + " rate limit is reached; no requests until " + until, null);
        this.group = Objects.requireNonNull(group, "group");
        this.until = Objects.requireNonNull(until, "until");
    }

    /** RingCentral's request group: Heavy, Medium, Light or Auth. */
    public String group() {
        return group;
    }

    public Instant until() {
        return until;
    }
}
