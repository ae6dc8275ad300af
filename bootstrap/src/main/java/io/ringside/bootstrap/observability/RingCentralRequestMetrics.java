package io.ringside.bootstrap.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.ringside.adapters.ringcentral.RateLimitGroup;
import io.ringside.adapters.ringcentral.RingCentralRequestObserver;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * {@code ringside.ringcentral.requests}: RingCentral requests by rate-limit group ({@code heavy},
 * {@code medium}, {@code light}, {@code auth}) and outcome ({@code ok}, {@code 4xx}, {@code 429},
 * {@code 5xx}, {@code io_error}, {@code refused_locally}), each try of a retried request counted.
 * Every pair exists from the start at zero, so a rate over it is defined before the first failure.
 */
final class RingCentralRequestMetrics implements RingCentralRequestObserver {

    static final String NAME = "ringside.ringcentral.requests";

    private final Map<RateLimitGroup, Map<Outcome, Counter>> counters = new EnumMap<>(RateLimitGroup.class);

    RingCentralRequestMetrics(MeterRegistry registry) {
        for (RateLimitGroup group : RateLimitGroup.values()) {
            Map<Outcome, Counter> byOutcome = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                byOutcome.put(outcome, Counter.builder(NAME)
                        .description("RingCentral requests (each try) by rate-limit group and outcome")
                        .tag("group", group.wireName().toLowerCase(Locale.ROOT))
                        .tag("outcome", outcome.label())
                        .register(registry));
            }
            counters.put(group, byOutcome);
        }
    }

    @Override
    public void requestEnded(RateLimitGroup group, Outcome outcome) {
        counters.get(group).get(outcome).increment();
    }
}
