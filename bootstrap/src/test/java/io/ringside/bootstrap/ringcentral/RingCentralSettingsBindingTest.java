package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.ByteSize;
import io.ringside.adapters.ringcentral.CallLogScope;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.bootstrap.mode.DemoMode;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code ringcentral.*} reaches the adapter's settings record as people set it: environment variables, relaxed. */
class RingCentralSettingsBindingTest {

    private static StandardEnvironment environment(Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        return environment;
    }

    @Test
    void environmentVariablesInEitherSpellingReachTheRecordAndTheRestKeepsItsDefaults() {
        RingCentralSettings settings = RingCentralSettingsBinding.bind(environment(Map.of(
                "RINGCENTRAL_CLIENT_ID", "the-id",
                "RINGCENTRAL_CLIENTSECRET", "the-secret",
                "RINGCENTRAL_BASE_URL", "https://platform.ringcentral.biz",
                "RINGCENTRAL_READTIMEOUT", "20s",
                "RINGCENTRAL_MAX_RESPONSE_SIZE", "1MB",
                "RINGCENTRAL_CALLLOGSCOPE", "extension",
                "RINGCENTRAL_PUSHENABLED", "false")));

        assertThat(settings.clientId()).isEqualTo("the-id");
        assertThat(settings.clientSecret()).isEqualTo("the-secret");
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://platform.ringcentral.biz"));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxResponseSize()).isEqualTo(ByteSize.ofMegabytes(1));
        assertThat(settings.callLogScope()).isEqualTo(CallLogScope.EXTENSION);
        assertThat(settings.pushEnabled()).isFalse();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.redirectUri()).isEqualTo(RingCentralSettings.DEFAULT_REDIRECT_URI);
    }

    @Test
    void overridesWinOverWhatIsConfigured() {
        RingCentralSettings settings = RingCentralSettingsBinding.bind(environment(Map.of("RINGCENTRAL_READ_TIMEOUT", "20s")),
                Map.of("ringcentral.client-id", "sim-id", "ringcentral.client-secret", "sim-secret",
                        "ringcentral.base-url", "http://localhost:8080/simulator"));

        assertThat(settings.baseUrl()).isEqualTo(URI.create("http://localhost:8080/simulator"));
        assertThat(settings.clientId()).isEqualTo("sim-id");
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void aBadValueIsRefusedByItsName() {
        assertThatThrownBy(() -> RingCentralSettingsBinding.bind(environment(Map.of(
                "RINGCENTRAL_CLIENT_ID", "id", "RINGCENTRAL_CLIENT_SECRET", "secret", "RINGCENTRAL_MAX_RESPONSE_SIZE", "lots"))))
                .hasMessageContaining("ringcentral.max-response-size");
    }

    @Test
    void demoModeSeesTheCredentialsExactlyWhenTheBindingDoes() {
        assertThat(DemoMode.isOn(environment(Map.of("RINGCENTRAL_CLIENTID", "id", "RINGCENTRAL_CLIENTSECRET", "secret")))).isFalse();
        assertThat(DemoMode.isOn(environment(Map.of("RINGCENTRAL_CLIENT_ID", "id", "RINGCENTRAL_CLIENT_SECRET", "secret")))).isFalse();
        assertThat(DemoMode.isOn(environment(Map.of("RINGCENTRAL_CLIENTS_ID", "id", "RINGCENTRAL_CLIENTS_SECRET", "secret")))).isTrue();
    }
}
