package io.ringside.adapters.ringcentral;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingCentralSettingsTest {

    private RingCentralSettings.Builder valid() {
        return RingCentralSettings.builder().clientId("id").clientSecret("the-secret");
    }

    @Test
    void defaultsAreProductionAndRingCentralsOwnLimits() {
        RingCentralSettings settings = valid().build();

        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://platform.ringcentral.com"));
        assertThat(settings.redirectUri()).isEqualTo(URI.create("http://localhost:8080/api/ringcentral/callback"));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(15));
        assertThat(settings.callLogScope()).isEqualTo(CallLogScope.ACCOUNT);
        assertThat(settings.limitOf(RateLimitGroup.HEAVY)).isEqualTo(10);
        assertThat(settings.limitOf(RateLimitGroup.MEDIUM)).isEqualTo(40);
        assertThat(settings.limitOf(RateLimitGroup.LIGHT)).isEqualTo(50);
        assertThat(settings.limitOf(RateLimitGroup.AUTH)).isEqualTo(5);
        assertThat(settings.rateLimitWindow()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.retryAttempts()).isEqualTo(3);
        assertThat(settings.defaultRegion()).isEqualTo("US");
    }

    @Test
    void aBadValueStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> valid().readTimeout(Duration.ofMillis(200)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ringcentral.read-timeout must be between 1s and 120s, not 200ms");
        assertThatThrownBy(() -> valid().clientSecret(" ").build())
                .hasMessage("ringcentral.client-secret is required");
        assertThatThrownBy(() -> valid().baseUrl("platform.ringcentral.com").build())
                .hasMessageStartingWith("ringcentral.base-url must be an absolute http(s) URL");
        assertThatThrownBy(() -> valid().callLogPerPage(5000).build())
                .hasMessage("ringcentral.call-log-per-page must be between 1 and 1000, not 5000");
        assertThatThrownBy(() -> valid().rateLimitHeavy(0).build())
                .hasMessage("ringcentral.rate-limit-heavy must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> valid().defaultRegion("Narnia").build())
                .hasMessageStartingWith("ringside.phone.default-region must be a two-letter region code");
        assertThatThrownBy(() -> valid().callLogScope(null).build())
                .hasMessageContaining("ringcentral.call-log-scope");
    }

    @Test
    void pushIsOnByDefaultWithRingCentralsHeartbeatAndABackoffOfOneSecondToAMinute() {
        RingCentralSettings settings = valid().build();

        assertThat(settings.pushEnabled()).isTrue();
        assertThat(settings.pushHeartbeatInterval()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pushHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.pushReconnectInitialBackoff()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.pushReconnectMaxBackoff()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.toBuilder().pushEnabled(false).build().pushEnabled()).isFalse();
    }

    @Test
    void aBadPushValueStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> valid().pushHeartbeatInterval(Duration.ofMinutes(40)).build())
                .hasMessage("ringcentral.push-heartbeat-interval must be between 100ms and 1500s, not 2400s");
        assertThatThrownBy(() -> valid().pushHeartbeatTimeout(null).build())
                .hasMessage("ringcentral.push-heartbeat-timeout must be between 100ms and 120s (it is missing)");
        assertThatThrownBy(() -> valid().pushReconnectInitialBackoff(Duration.ZERO).build())
                .hasMessage("ringcentral.push-reconnect-initial-backoff must be between 10ms and 60s, not 0ms");
        assertThatThrownBy(() -> valid().pushReconnectInitialBackoff(Duration.ofSeconds(5)).pushReconnectMaxBackoff(Duration.ofSeconds(2)).build())
                .hasMessage("ringcentral.push-reconnect-max-backoff must be between 5s and 600s, not 2s");
    }

    @Test
    void aTrailingSlashOnTheServerDoesNotDoubleUpInPaths() {
        RingCentralSettings settings = valid().baseUrl("https://platform.ringcentral.biz/").defaultRegion("gb").build();

        assertThat(settings.baseUrl()).hasToString("https://platform.ringcentral.biz");
        assertThat(settings.defaultRegion()).isEqualTo("GB");
    }

    @Test
    void theClientSecretNeverPrints() {
        RingCentralSettings settings = valid().build();

        assertThat(settings.toString()).doesNotContain("the-secret").contains("clientSecret=********");
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }
}
