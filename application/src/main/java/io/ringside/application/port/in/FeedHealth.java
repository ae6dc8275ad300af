package io.ringside.application.port.in;

import java.time.Instant;
import java.util.List;

/**
 * How the caller feed is doing, for the admin page. Instants are null when it never happened.
 *
 * @param liveCalls        how live calls reach Ringside (push or polling) and how that link is doing
 * @param lastPresenceSync the last presence read (polling only)
 * @param lastCallLogSync  the last call-log read
 * @param requests         RingCentral requests per rate-limit group in the last window, as the adapter counts them
 * @param watchers         open intake pages
 */
public record FeedHealth(FeedStatus status, LiveCallsHealth liveCalls, Instant lastPresenceSync, Instant lastCallLogSync,
                         List<RequestUsage> requests, int watchers) {

    public FeedHealth {
        requests = requests == null ? List.of() : List.copyOf(requests);
    }

    /** The end of a RingCentral penalty in force, or null. */
    public Instant rateLimitedUntil() {
        return status instanceof FeedStatus.RateLimitedUntil limited ? limited.until() : null;
    }
}
