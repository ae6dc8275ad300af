package io.ringside.domain;

/** RingCentral reports both directions on the same endpoints; only inbound calls are callers. */
public enum Direction {
    INBOUND,
    OUTBOUND
}
