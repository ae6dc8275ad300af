package io.ringside.ui;

import io.ringside.domain.PhoneNumber;

/**
 * Lets a visitor of the demo make the simulated RingCentral ring. The console owns this interface;
 * bootstrap implements it only in demo mode (there is no bean otherwise, and the console then
 * shows no demo banner button).
 */
public interface DemoCalls {

    /** Starts a simulated inbound call that is ringing now. */
    SimulatedCall ringNow();

    /** The simulated call is answered (it shows as "on call"). */
    void answer(String callId);

    /** The simulated call ends (it stays in the list as a recent caller). */
    void end(String callId);

    /**
     * One simulated call.
     *
     * @param id     the simulator's id for the call, passed back to {@link #answer} and {@link #end}
     * @param number who is calling
     * @param name   the caller's name as RingCentral would give it, or null
     */
    record SimulatedCall(String id, PhoneNumber number, String name) {
    }
}
