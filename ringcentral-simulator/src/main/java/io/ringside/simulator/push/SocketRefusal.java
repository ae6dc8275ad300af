package io.ringside.simulator.push;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The refuse-sockets control: until when ws tokens and handshakes are refused. Guarded by the hub's lock. */
final class SocketRefusal {
    private final Clock clock;
    private Instant refuseUntil;

    SocketRefusal(Clock clock) {
        this.clock = clock;
    }

    /** Refuses for this long from now; zero (or negative) stops refusing. */
    void refuseFor(Duration duration) {
        refuseUntil = duration.isZero() || duration.isNegative() ? null : clock.instant().plus(duration);
    }

    boolean refusing() {
        return refuseUntil != null && clock.instant().isBefore(refuseUntil);
    }

    void clear() {
        refuseUntil = null;
    }
}
