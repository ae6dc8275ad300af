package io.ringside.bootstrap.demo;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.ui.DemoCalls;
import io.ringside.domain.PhoneNumber;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo banner's "Simulate inbound call": a caller from a small list starts ringing the
 * simulated company line. The console knows only its own {@link DemoCalls} interface.
 */
final class SimulatorDemoCalls implements DemoCalls {

    private record DemoCaller(String e164, String name) {
    }

    private static final List<DemoCaller> CALLERS = List.of(
            new DemoCaller("+16025551234", "Maria Lopez"),
            new DemoCaller("+14805550199", "James Carter"),
            new DemoCaller("+442079460958", "Oliver Smith"),
            new DemoCaller("+16235550143", null),
            new DemoCaller("+15205550177", "Priya Patel"),
            new DemoCaller("+4930901820", "Lena Schulz"));

    private final SimulatedPlatform platform;
    private final AtomicInteger next = new AtomicInteger();

    SimulatorDemoCalls(SimulatedPlatform platform) {
        this.platform = platform;
    }

    @Override
    public SimulatedCall ringNow() {
        DemoCaller caller = CALLERS.get(Math.floorMod(next.getAndIncrement(), CALLERS.size()));
        String id = platform.startRingingCall(caller.e164(), caller.name());
        return new SimulatedCall(id, PhoneNumber.of(caller.e164()), caller.name());
    }

    @Override
    public void answer(String callId) {
        platform.answer(callId);
    }

    @Override
    public void end(String callId) {
        platform.end(callId);
    }
}
