package io.ringside.bootstrap.observability;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.IntakeService;
import io.ringside.application.service.PushLink;
import io.ringside.application.service.RecentCallersBoard;
import io.ringside.bootstrap.ringcentral.LateBoundRingCentral;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Ringside's own meters (served at {@code /actuator/prometheus}) and its RingCentral health component.
 * The services and the adapter report through plain interfaces; the Micrometer side lives here only.
 * Who may read them: {@link ActuatorSecurityConfiguration}.
 */
@Configuration(proxyBeanMethods = false)
public class ObservabilityConfiguration {

    @Bean
    RingCentralRequestMetrics ringCentralRequestMetrics(MeterRegistry registry, LateBoundRingCentral ringCentral) {
        RingCentralRequestMetrics metrics = new RingCentralRequestMetrics(registry);
        ringCentral.observeRequests(metrics);
        return metrics;
    }

    @Bean
    MicrometerTelemetry ringsideTelemetry(MeterRegistry registry, ConnectionKeeper connectionKeeper, RecentCallersBoard board,
                                          IntakeService intakes) {
        MicrometerTelemetry telemetry = new MicrometerTelemetry(registry);
        connectionKeeper.reportTo(telemetry);
        board.reportTo(telemetry);
        intakes.reportTo(telemetry);
        return telemetry;
    }

    /** Push's own counts (kept by PushLink since start) and whether the link is live or broken, read at each scrape. */
    @Bean
    MeterBinder ringCentralLinkMeters(PushLink push, WatchLinkAlert linkAlert) {
        return registry -> {
            FunctionCounter.builder("ringside.push.reconnects", push, link -> link.health().reconnects())
                    .description("RingCentral push connections lost and made again since start")
                    .register(registry);
            FunctionCounter.builder("ringside.push.recoveries", push, link -> link.health().recoveries())
                    .description("Of the push reconnects, those RingCentral recovered with the missed events replayed")
                    .register(registry);
            Gauge.builder("ringside.push.live", push, link -> link.isLive() ? 1 : 0)
                    .description("1 while RingCentral push is live, else 0 (polling)")
                    .register(registry);
            Gauge.builder("ringside.link.broken", linkAlert, alert -> alert.current().isPresent() ? 1 : 0)
                    .description("1 while the admins are alerted that the RingCentral link is broken, else 0")
                    .register(registry);
        };
    }

    /** The {@code ringCentral} component of {@code /actuator/health} and of the readiness group. */
    @Bean
    RingCentralHealthIndicator ringCentralHealthIndicator(ViewConnection viewConnection) {
        return new RingCentralHealthIndicator(viewConnection);
    }
}
