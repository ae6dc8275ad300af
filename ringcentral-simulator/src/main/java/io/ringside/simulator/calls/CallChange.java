package io.ringside.simulator.calls;

import java.time.Instant;

/**
 * One step in a live call's life, as the {@link CallBook} reports it to its listeners (the push
 * gateway turns these into telephony-session and presence notifications).
 *
 * @param before the call before the step, or null when it just started ringing
 * @param after  the call after the step
 * @param at     when it happened, on the simulator's clock
 */
public record CallChange(SimulatedCall before, SimulatedCall after, Instant at) {

    public boolean started() {
        return before == null;
    }
}
