package io.ringside.simulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The simulator's time: a base clock plus an offset that tests (and the control API) move forward,
 * so token expiry, code lifetime, grace, call-log delay and rate windows are tested without sleeping.
 */
public final class SimulatorClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset;

    public SimulatorClock(Clock base) {
        this(base, new AtomicReference<>(Duration.ZERO));
    }

    private SimulatorClock(Clock base, AtomicReference<Duration> offset) {
        this.base = Objects.requireNonNull(base, "base");
        this.offset = offset;
    }

    /** Moves the simulator's time forward (never back: time on a real platform does not rewind). */
    public void advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("time only moves forward: " + amount);
        }
        offset.accumulateAndGet(amount, Duration::plus);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        // Shares the offset so a zoned view still follows advance().
        return new SimulatorClock(base.withZone(zone), offset);
    }
}
