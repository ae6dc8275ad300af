package io.ringside.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.ringside.application.port.out.Telemetry;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * What the services report, as Micrometer meters:
 * <ul>
 *   <li>{@code ringside.token.refreshes} by {@code outcome} ({@code refreshed}, {@code refreshed_elsewhere},
 *       {@code refused}, {@code failed}): every refresh sent to RingCentral, scheduled or on demand;</li>
 *   <li>{@code ringside.calls.ring.to.visible}, a histogram: from RingCentral's event time of a pushed
 *       ringing call to the moment the open pages are handed the list that shows it;</li>
 *   <li>{@code ringside.intakes.saved}.</li>
 * </ul>
 */
final class MicrometerTelemetry implements Telemetry {

    /** Around the target (p95 within 250 ms) and up to the polling fallback's seconds. */
    private static final Duration[] RING_TO_VISIBLE_BUCKETS = {
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
            Duration.ofSeconds(60)};

    private final Map<TokenRefresh, Counter> refreshes = new EnumMap<>(TokenRefresh.class);
    private final Timer ringToVisible;
    private final Counter intakesSaved;

    MicrometerTelemetry(MeterRegistry registry) {
        for (TokenRefresh outcome : TokenRefresh.values()) {
            refreshes.put(outcome, Counter.builder("ringside.token.refreshes")
                    .description("RingCentral access-token refreshes sent, by outcome")
                    .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
        ringToVisible = Timer.builder("ringside.calls.ring.to.visible")
                .description("From RingCentral's time of a pushed ringing call to Recent callers showing it on the open pages")
                .serviceLevelObjectives(RING_TO_VISIBLE_BUCKETS)
                .register(registry);
        intakesSaved = Counter.builder("ringside.intakes.saved")
                .description("Intakes saved by operators and admins")
                .register(registry);
    }

    @Override
    public void tokenRefresh(TokenRefresh outcome) {
        refreshes.get(outcome).increment();
    }

    @Override
    public void pushedCallShown(Duration ringToVisibleTime) {
        ringToVisible.record(ringToVisibleTime);
    }

    @Override
    public void intakeSaved() {
        intakesSaved.increment();
    }
}
