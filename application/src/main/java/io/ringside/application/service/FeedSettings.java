package io.ringside.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * When the caller feed reads what from RingCentral.
 *
 * @param presenceInterval       how often presence is read while push is not live and someone watches (Light group)
 * @param callLogInterval        how often the call log is read while push does not cover the company and someone watches (Heavy group)
 * @param heavyPerMinute         call-log reads allowed per minute at most, whatever happens (a read may take a few pages)
 * @param pushReconcileInterval  how often the call log is read while push covers the company (final results, safety net)
 * @param pushGrace              how long push may be down before the call log is polled (a short drop recovers by replay)
 * @param pushRetryAfterStop     how long to wait before opening push again after RingCentral refused it
 * @param pushEnabled            whether to use push at all (off: the polling feed only)
 */
public record FeedSettings(Duration presenceInterval, Duration callLogInterval, int heavyPerMinute,
                           Duration pushReconcileInterval, Duration pushGrace, Duration pushRetryAfterStop,
                           boolean pushEnabled) {

    /** RingCentral allows 10 Heavy requests a minute per user and app. */
    public static final int MOST_HEAVY_PER_MINUTE = 10;
    public static final FeedSettings DEFAULT = new FeedSettings(Duration.ofSeconds(2), Duration.ofSeconds(20), 6,
            Duration.ofMinutes(20), Duration.ofSeconds(30), Duration.ofMinutes(5), true);

    public FeedSettings {
        requirePositive(presenceInterval, "presenceInterval");
        requirePositive(callLogInterval, "callLogInterval");
        requirePositive(pushReconcileInterval, "pushReconcileInterval");
        requirePositive(pushGrace, "pushGrace");
        requirePositive(pushRetryAfterStop, "pushRetryAfterStop");
        if (heavyPerMinute < 1 || heavyPerMinute > MOST_HEAVY_PER_MINUTE) {
            throw new IllegalArgumentException("heavyPerMinute must be between 1 and 10 (RingCentral allows 10), not " + heavyPerMinute);
        }
    }

    /** The shortest time between two call-log reads. */
    public Duration callLogMinimumGap() {
        return Duration.ofMinutes(1).dividedBy(heavyPerMinute);
    }

    public FeedSettings withPushEnabled(boolean enabled) {
        return new FeedSettings(presenceInterval, callLogInterval, heavyPerMinute, pushReconcileInterval, pushGrace,
                pushRetryAfterStop, enabled);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
