package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.out.SharedFeed;

import java.time.Instant;

/** The one translation between a board's {@link FeedStatus} and the shared feed's state, both ways. */
final class SharedFeedStatus {

    private SharedFeedStatus() {
    }

    /** What the owner shares: the board's snapshot, published at {@code published}. */
    static SharedFeed share(RecentCallersBoard.Snapshot snapshot, Instant published) {
        FeedStatus status = snapshot.status();
        return switch (status) {
            case FeedStatus.Ok ok -> feed(snapshot, SharedFeed.State.OK, null, null, published);
            case FeedStatus.NotConnected none -> feed(snapshot, SharedFeed.State.NOT_CONNECTED, null, null, published);
            case FeedStatus.ReconnectNeeded again -> feed(snapshot, SharedFeed.State.RECONNECT_NEEDED, null, null, published);
            case FeedStatus.Unavailable unavailable ->
                    feed(snapshot, SharedFeed.State.UNAVAILABLE, unavailable.reason(), null, published);
            case FeedStatus.RateLimitedUntil limited ->
                    feed(snapshot, SharedFeed.State.RATE_LIMITED, null, limited.until(), published);
        };
    }

    /** How current a shared feed's calls are, as this instance's board says it. */
    static FeedStatus of(SharedFeed feed) {
        return switch (feed.state()) {
            case OK -> new FeedStatus.Ok();
            case NOT_CONNECTED -> new FeedStatus.NotConnected();
            case RECONNECT_NEEDED -> new FeedStatus.ReconnectNeeded();
            case UNAVAILABLE -> new FeedStatus.Unavailable(feed.detail());
            // A row without its end (it should not happen) still says why nothing is current: unavailable.
            case RATE_LIMITED -> feed.until() == null
                    ? new FeedStatus.Unavailable("RingCentral's rate limit applies")
                    : new FeedStatus.RateLimitedUntil(feed.until());
        };
    }

    private static SharedFeed feed(RecentCallersBoard.Snapshot snapshot, SharedFeed.State state, String detail,
                                   Instant until, Instant published) {
        return new SharedFeed(snapshot.calls(), state, detail, until, snapshot.asOf(), published);
    }
}
