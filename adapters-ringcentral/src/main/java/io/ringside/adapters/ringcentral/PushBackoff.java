package io.ringside.adapters.ringcentral;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Waits between push reconnects: doubling from the initial wait up to the maximum, each drawn between
 * half and all of that value ("equal jitter"), so that many Ringsides cut off together do not return together.
 */
final class PushBackoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    /** @param random values in [0, 1) */
    PushBackoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failures} failed tries in a row (0 for the first retry). */
    Duration delay(int failures) {
        double ceiling = Math.min(max.toMillis(), initial.toMillis() * Math.pow(2, Math.min(Math.max(failures, 0), 30)));
        double drawn = ceiling * (0.5 + 0.5 * Math.min(Math.max(random.getAsDouble(), 0.0), 1.0));
        return Duration.ofMillis(Math.max(1, Math.round(drawn)));
    }
}
