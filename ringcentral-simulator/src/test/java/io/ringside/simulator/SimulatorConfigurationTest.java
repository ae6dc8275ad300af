package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.annotation.UserConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.scheduling.TaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** What Ringside's bootstrap gets when it imports {@link SimulatorConfiguration} in demo mode. */
class SimulatorConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(UserConfigurations.of(SimulatorConfiguration.class));

    @Test
    void defaultsAreRingCentralsNumbersAndTheDemoClient() {
        runner.run(context -> {
            SimulatorSettings settings = context.getBean(SimulatedPlatform.class).settings();
            assertThat(settings.clientId()).isEqualTo("ringside-demo-client");
            assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofHours(1));
            assertThat(settings.callLogDelay()).isEqualTo(Duration.ofSeconds(20));
            assertThat(settings.rateLimits().heavy()).isEqualTo(10);
            assertThat(settings.generator().enabled()).isFalse();
            assertThat(context).doesNotHaveBean(SimulatorApplication.class);
        });
    }

    @Test
    void propertiesOverrideSettings() {
        runner.withPropertyValues(
                        "ringside.simulator.client-id=my-app",
                        "ringside.simulator.client-secret=s3cr3t",
                        "ringside.simulator.call-log-delay=2s",
                        "ringside.simulator.access-token-lifetime=30s",
                        "ringside.simulator.rate-limit.heavy=3",
                        "ringside.simulator.redirect-uris=http://localhost:8080/api/ringcentral/callback")
                .run(context -> {
                    SimulatorSettings settings = context.getBean(SimulatedPlatform.class).settings();
                    assertThat(settings.clientId()).isEqualTo("my-app");
                    assertThat(settings.clientSecret()).isEqualTo("s3cr3t");
                    assertThat(settings.callLogDelay()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(settings.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(settings.rateLimits().heavy()).isEqualTo(3);
                    assertThat(settings.redirectUris()).containsExactly("http://localhost:8080/api/ringcentral/callback");
                });
    }

    @Test
    void pushPropertiesOverrideTheGatewaysDefaults() {
        runner.withPropertyValues(
                        "ringside.simulator.push.recovery-timeout=20s",
                        "ringside.simulator.push.recovery-buffer-size=5",
                        "ringside.simulator.push.idle-timeout=2m",
                        "ringside.simulator.push.ping-interval=500ms")
                .run(context -> {
                    SimulatorSettings.Push push = context.getBean(SimulatedPlatform.class).settings().push();
                    assertThat(push.recoveryTimeout()).isEqualTo(Duration.ofSeconds(20));
                    assertThat(push.recoveryBufferSize()).isEqualTo(5);
                    assertThat(push.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
                    assertThat(push.pingInterval()).isEqualTo(Duration.ofMillis(500));
                    assertThat(push.wsTokenLifetime()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(push.absoluteTimeout()).isEqualTo(Duration.ofDays(1));
                });
    }

    @Test
    void thePushSocketAddsNoSchedulerToTheHostApplication() {
        runner.run(context -> {
            assertThat(context).hasBean("simulatorPushSocketMapping");
            assertThat(context).doesNotHaveBean(TaskScheduler.class);
        });
    }

    @Test
    void theApplicationsOwnClockDrivesThePlatform() {
        Instant fixed = Instant.parse("2026-11-22T09:00:00Z");
        runner.withBean(Clock.class, () -> Clock.fixed(fixed, ZoneOffset.UTC)).run(context -> {
            SimulatedPlatform platform = context.getBean(SimulatedPlatform.class);
            assertThat(platform.clock().instant()).isEqualTo(fixed);
            platform.advanceClock(Duration.ofMinutes(1));
            assertThat(platform.clock().instant()).isEqualTo(fixed.plusSeconds(60));
        });
    }
}
