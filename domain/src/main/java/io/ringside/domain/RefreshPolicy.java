package io.ringside.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * When a connection must be refreshed: its access token expires within {@code margin}, or its
 * refresh token was issued longer than {@code keepAliveAge} ago. RingCentral kills a refresh
 * token unused for 7 days, so refreshing at least daily keeps the link alive while Ringside runs.
 */
public record RefreshPolicy(Duration margin, Duration keepAliveAge) {

    public static final RefreshPolicy DEFAULT = new RefreshPolicy(Duration.ofMinutes(5), Duration.ofHours(24));

    public RefreshPolicy {
        Objects.requireNonNull(margin, "margin");
        Objects.requireNonNull(keepAliveAge, "keepAliveAge");
        if (margin.isNegative() || margin.compareTo(Duration.ofMinutes(50)) > 0) {
            throw new IllegalArgumentException("The refresh margin must be between 0 and 50 minutes (an access token lives 60), not " + margin);
        }
        if (keepAliveAge.compareTo(Duration.ofMinutes(10)) < 0 || keepAliveAge.compareTo(Duration.ofDays(6)) > 0) {
            throw new IllegalArgumentException("The keep-alive age must be between 10 minutes and 6 days (a refresh token dies after 7 unused), not " + keepAliveAge);
        }
    }
}
