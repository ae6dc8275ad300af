package io.ringside.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a connection must be refreshed: its access token expires within {@code margin}, or its
 * refresh token was issued longer than {@code keepAliveAge} ago. RingCentral kills a refresh
 * token unused for 7 days, so refreshing at least daily keeps the link alive while Ringside runs.
 */
public record RefreshPolicy(Duration margin, Duration keepAliveAge) {

    /** An access token lives 60 minutes: refreshing earlier than 50 minutes ahead gains nothing. */
    public static final Duration LONGEST_MARGIN = Duration.ofMinutes(50);
    public static final Duration SHORTEST_KEEP_ALIVE_AGE = Duration.ofMinutes(10);
    /** A refresh token unused for 7 days dies: keep a day in hand. */
    public static final Duration LONGEST_KEEP_ALIVE_AGE = Duration.ofDays(6);
    public static final RefreshPolicy DEFAULT = new RefreshPolicy(Duration.ofMinutes(5), Duration.ofHours(24));

    public RefreshPolicy {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(keepAliveAge, "keepAliveAge");
        if (margin.isNegative() || margin.compareTo(LONGEST_MARGIN) > 0) {
            throw new IllegalArgumentException("The refresh margin must be between 0 and 50 minutes (an access token lives 60), not " + margin);
        }
        if (keepAliveAge.compareTo(SHORTEST_KEEP_ALIVE_AGE) < 0 || keepAliveAge.compareTo(LONGEST_KEEP_ALIVE_AGE) > 0) {
            throw new IllegalArgumentException("The keep-alive age must be between 10 minutes and 6 days (a refresh token dies after 7 unused), not " + keepAliveAge);
        }
    }
}
