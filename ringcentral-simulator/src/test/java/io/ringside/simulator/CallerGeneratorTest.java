package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import io.ringside.simulator.calls.CallResult;
import io.ringside.simulator.calls.SimulatedCall;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's background callers, without HTTP. */
class CallerGeneratorTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    @Test
    void aFreshDemoHasAHistoryOfEndedCallsFromTheLastHours() {
        SimulatorSettings settings = SimulatorSettings.defaults()
                .withGenerator(new SimulatorSettings.Generator(true, Duration.ofHours(1), 40));
        try (SimulatedPlatform platform = new SimulatedPlatform(settings, Clock.fixed(NOW, ZoneOffset.UTC))) {
            platform.start();

            List<SimulatedCall> history = platform.callBook().logged(settings.callLogDelay());

            assertThat(history).hasSize(40).allSatisfy(call -> {
                assertThat(call.isLive()).isFalse();
                assertThat(call.startTime()).isBetween(NOW.minus(Duration.ofHours(3)), NOW);
            });
            assertThat(history).extracting(SimulatedCall::result).contains(CallResult.ACCEPTED);
            assertThat(history).extracting(c -> c.extension().extensionNumber()).contains("101");
        }
    }

    @Test
    void offByDefaultNoCallsAppearByThemselves() {
        try (SimulatedPlatform platform = new SimulatedPlatform(SimulatorSettings.defaults(), Clock.systemUTC())) {
            platform.start();

            assertThat(platform.calls()).isEmpty();
        }
    }

    @Test
    void aSimulatedInboundCallRingsTheConnectedUserAtOnce() {
        try (SimulatedPlatform platform = new SimulatedPlatform(SimulatorSettings.defaults(), Clock.systemUTC())) {
            String id = platform.simulateInboundCall();

            SimulatedCall call = platform.call(id);
            assertThat(call.isLive()).isTrue();
            assertThat(call.extension()).isEqualTo(platform.directory().connectedUser());
        }
    }
}
