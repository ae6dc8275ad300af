package io.ringside.bootstrap.wiring;

import io.ringside.bootstrap.RingsideApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** A bad setting stops start-up with a message that names the setting. */
class StartUpRefusalTest {

    @TempDir
    Path dataDir;

    private String failureOf(String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ringside.data-dir=" + dataDir, "--ringside.scheduling.enabled=false",
                "--ringside.simulator.generator.enabled=false", "--server.port=0"));
        args.addAll(List.of(arguments));
        SpringApplication application = new SpringApplication(RingsideApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext ignored = application.run(args.toArray(String[]::new))) {
                // started: no failure
            }
        });
        assertThat(failure).as("start-up with %s must fail", List.of(arguments)).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void aClientIdWithoutASecretIsRefused() {
        assertThat(failureOf("--ringcentral.client-id=abc"))
                .contains("RINGCENTRAL_CLIENT_SECRET is missing");
    }

    @Test
    void aWindowOutsideFiveToTwoHundredFortyMinutesIsRefused() {
        assertThat(failureOf("--ringside.recent-callers-window=300m"))
                .contains("ringside.recent-callers-window must be between");
    }

    @Test
    void anUnknownHomeRegionIsRefused() {
        assertThat(failureOf("--ringside.phone.default-region=XX"))
                .contains("ringside.phone.default-region");
    }

    @Test
    void aBadAdapterSettingIsRefusedByName() {
        assertThat(failureOf("--ringcentral.client-id=abc", "--ringcentral.client-secret=def",
                "--ringside.encryption-key=q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=",
                "--ringside.admin-password=correct-horse-battery", "--ringside.operator-password=staple-operator-pass",
                "--ringcentral.read-timeout=500s"))
                .contains("ringcentral.read-timeout");
    }

    @Test
    void realCredentialsWithoutAnEncryptionKeyAreRefusedWithHowToMakeOne() {
        assertThat(failureOf("--ringcentral.client-id=abc", "--ringcentral.client-secret=def",
                "--ringside.admin-password=correct-horse-battery", "--ringside.operator-password=staple-operator-pass"))
                .contains("openssl rand -base64 32");
    }
}
