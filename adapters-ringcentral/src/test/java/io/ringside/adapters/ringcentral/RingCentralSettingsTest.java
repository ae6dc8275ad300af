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
        assertThat(settings.maxResponseSize()).isEqualTo(ByteSize.ofMegabytes(5));
    }

    @Test
    void aBadValueStopsStartUpNamingTheSetting() {
        assertThatThrownBy(() -> valid().readTimeout(Duration.ofMillis(200)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ringcentral.read-timeout must be between 1s and 120s, not 200ms");
        assertThatThrownBy(() -> valid().clientSecret(" ").build())
                .hasMessage("ringcentral.client-secret is required");
        assertThatThrownBy(() -> valid().baseUrl("platform.ringcentral.com").build())
                .hasMessageStartingWith("ringcentral.base-url must be an absolute https URL, e.g. https://platform.ringcentral.com");
        assertThatThrownBy(() -> valid().callLogPerPage(5000).build())
                .hasMessage("ringcentral.call-log-per-page must be between 1 and 1000, not 5000");
        assertThatThrownBy(() -> valid().rateLimitHeavy(0).build())
                .hasMessage("ringcentral.rate-limit-heavy must be between 1 and 1000, not 0");
        assertThatThrownBy(() -> valid().maxResponseSize(ByteSize.ofKilobytes(1)).build())
                .hasMessage("ringcentral.max-response-size must be between 64 KB and 100 MB, not 1 KB");
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
        assertThatThrownBy(() -> valid().pushReconnectInitialBackoff(Duration.ZERO).build())
                .hasMessage("ringcentral.push-reconnect-initial-backoff must be between 10ms and 60s, not 0ms");
        assertThatThrownBy(() -> valid().pushReconnectInitialBackoff(Duration.ofSeconds(5)).pushReconnectMaxBackoff(Duration.ofSeconds(2)).build())
                .hasMessage("ringcentral.push-reconnect-max-backoff must be between 5s and 600s, not 2s");
    }

    @Test
    void aTrailingSlashOnTheServerDoesNotDoubleUpInPaths() {
        RingCentralSettings settings = valid().baseUrl("https://platform.ringcentral.biz/").build();

        assertThat(settings.baseUrl()).hasToString("https://platform.ringcentral.biz");
    }

    @Test
    void theClientSecretNeverPrints() {
        RingCentralSettings settings = valid().build();

        assertThat(settings.toString()).doesNotContain("the-secret").contains("clientSecret=********");
        assertThat(settings.toBuilder().build()).isEqualTo(settings);
    }

    @Test
    void whatIsLeftUnsetTakesItsDefaultSoABinderNeedsToSetOnlyWhatIsConfigured() {
        RingCentralSettings settings = new RingCentralSettings(null, "id", "the-secret", null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

        assertThat(settings).isEqualTo(valid().build());
        assertThat(settings.callLogScope()).isEqualTo(CallLogScope.ACCOUNT);
        assertThat(settings.pushHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theServerAndTheRedirectUriMustBeHttpsUnlessTheyAreOnThisMachine() {
        assertThatThrownBy(() -> valid().baseUrl("http://platform.ringcentral.com").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("ringcentral.base-url must start with https://")
                .hasMessageContaining("not to 'platform.ringcentral.com'")
                .hasMessageContaining("Use https://platform.ringcentral.com");
        assertThatThrownBy(() -> valid().redirectUri("http://ringside.example.com/api/ringcentral/callback").build())
                .hasMessageStartingWith("ringcentral.redirect-uri must start with https://")
                .hasMessageContaining("Use https://ringside.example.com/api/ringcentral/callback");
        assertThatThrownBy(() -> valid().baseUrl("ftp://platform.ringcentral.com").build())
                .hasMessageStartingWith("ringcentral.base-url must be an absolute https URL");
        // 127.0.0.2 is loopback too, but only the three usual names are accepted: nothing else is plain http.
        assertThatThrownBy(() -> valid().baseUrl("http://127.0.0.2:8080").build())
                .hasMessageStartingWith("ringcentral.base-url must start with https://");

        for (String loopback : new String[]{"http://localhost:8080", "http://127.0.0.1:9000/simulator", "http://[::1]:8080",
                "HTTP://LOCALHOST:8080"}) {
            assertThat(valid().baseUrl(loopback).redirectUri(loopback + "/api/ringcentral/callback").build().baseUrl())
                    .as(loopback).hasToString(loopback);
        }
        assertThat(valid().redirectUri("https://ringside.example.com/api/ringcentral/callback").build().redirectUri())
                .hasToString("https://ringside.example.com/api/ringcentral/callback");
    }

    @Test
    void aSizeIsWrittenWithAUnitAsInSpringSettings() {
        assertThat(ByteSize.valueOf("5MB")).isEqualTo(ByteSize.ofMegabytes(5)).hasToString("5 MB");
        assertThat(ByteSize.valueOf(" 512 kb ")).isEqualTo(ByteSize.ofKilobytes(512));
        assertThat(ByteSize.valueOf("65536")).isEqualTo(ByteSize.ofKilobytes(64));
        assertThat(ByteSize.valueOf("1000B")).hasToString("1000 bytes");
        assertThatThrownBy(() -> ByteSize.valueOf("five megabytes")).hasMessageContaining("e.g. 5MB");
    }
}
