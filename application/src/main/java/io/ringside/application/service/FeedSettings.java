package io.ringside.application.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How the caller feed spends RingCentral's request budget.
 *
 * @param presenceInterval    how often live calls are read while someone watches (Light group)
 * @param callLogInterval     how often the call log is read while someone watches, and how old it may
 *                            be before a click asks for it (Heavy group)
 * @param afterEndDelay       when to read the call log again after a live call ended, to pick up its record
 * @param heavyPerMinute      Heavy requests allowed in any 60 s, whatever the number of operators
 * @param incrementalMargin   how far before the last sync an incremental call-log read starts
 * @param clickWait           how long a click waits for a refresh already under way before it takes the snapshot
 */
public record FeedSettings(Duration presenceInterval, Duration callLogInterval, Duration afterEndDelay,
                           int heavyPerMinute, Duration incrementalMargin, Duration clickWait) {

    public static final FeedSettings DEFAULT = new FeedSettings(Duration.ofSeconds(2), Duration.ofSeconds(20),
            Duration.ofSeconds(30), 6, Duration.ofMinutes(2), Duration.ofSeconds(5));

    public FeedSettings {
        requirePositive(presenceInterval, "presenceInterval");
        requirePositive(callLogInterval, "callLogInterval");
        requirePositive(afterEndDelay, "afterEndDelay");
        requirePositive(incrementalMargin, "incrementalMargin");
        requirePositive(clickWait, "clickWait");
        if (heavyPerMinute < 1 || heavyPerMinute > 10) {
            throw new IllegalArgumentException("heavyPerMinute must be between 1 and 10 (RingCentral allows 10), not " + heavyPerMinute);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
    }
}
