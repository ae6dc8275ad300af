package io.ringside.application.port.out;

import java.time.Instant;
import java.util.List;

/** RingCentral's request budget as the adapter's one rate limiter counts it. */
public interface RingCentralUsage {

    /** One entry per rate-limit group; empty when the adapter is not set up yet. */
    List<GroupUsage> usage();

    /**
     * @param group        Heavy, Medium, Light or Auth
     * @param sentInWindow requests sent in RingCentral's current window
     * @param blockedUntil when the group may send again, or null
     * @param blockReason  why it is blocked, in words, or null
     */
    record GroupUsage(String group, int limit, int sentInWindow, Instant blockedUntil, String blockReason) {
    }
}
