package io.ringside.application.port.in;

import java.net.URI;
import java.time.Instant;

/**
 * The connection as the admin page shows it, with the caller feed's health. Holds no token, only
 * when tokens expire. Fields other than {@code status} and {@code server} are null when not known.
 */
public record ConnectionView(
        Status status,
        URI server,
        String ownerId,
        String connectedBy,
        Instant connectedAt,
        Instant accessTokenValidUntil,
        Instant refreshTokenValidUntil,
        Instant lastRefreshedAt,
        String problem,
        FeedHealth feed) {

    public enum Status {
        NOT_CONNECTED,
        CONNECTED,
        RECONNECT_NEEDED
    }

    public static ConnectionView notConnected(URI server, FeedHealth feed) {
        return new ConnectionView(Status.NOT_CONNECTED, server, null, null, null, null, null, null, null, feed);
    }

    /** When the caller feed last read the call log, or null. */
    public Instant lastCallLogSync() {
        return feed == null ? null : feed.lastCallLogSync();
    }

    /** How live calls arrive, or null when the feed is not known. */
    public LiveCallsHealth liveCalls() {
        return feed == null ? null : feed.liveCalls();
    }
}
