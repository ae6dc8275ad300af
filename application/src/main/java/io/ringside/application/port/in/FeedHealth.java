package io.ringside.application.port.in;

import java.time.Instant;

/**
 * How the caller feed is doing, for the admin page. Instants are null when it never happened.
 *
 * @param heavyRequestsLastMinute call-log requests sent in the last 60 s
 * @param lightRequestsLastMinute presence requests sent in the last 60 s
 * @param rateLimitedUntil        the end of a RingCentral penalty in force, or null
 */
public record FeedHealth(FeedStatus status, Instant lastPresenceSync, Instant lastCallLogSync,
                         int heavyRequestsLastMinute, int lightRequestsLastMinute, Instant rateLimitedUntil,
                         int watchers) {
}
