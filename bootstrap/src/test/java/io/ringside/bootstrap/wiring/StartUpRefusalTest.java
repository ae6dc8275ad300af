package io.ringside.bootstrap.wiring;

import io.ringside.bootstrap.testing.RefusedStartUp;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.bootstrap.RingsideApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A bad setting stops start-up with a message that names the setting. */
@ExtendWith(OutputCaptureExtension.class)
class StartUpRefusalTest {

    private static final String KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
    private static final String[] REAL_MODE = {"--ringcentral.client-id=abc", "--ringcentral.client-secret=def",
            "--ringside.encryption-key=" + KEY,
            "--ringside.admin-password=correct-horse-battery", "--ringside.operator-password=staple-operator-pass"};

    @TempDir
    Path dataDir;

    private String[] withDefaults(String... arguments) {
        return RefusedStartUp.withDefaults(dataDir, arguments);
    }

    private static String[] realModeAnd(String... arguments) {
        List<String> args = new ArrayList<>(List.of(REAL_MODE));
        args.addAll(List.of(arguments));
        return args.toArray(String[]::new);
    }

    private String failureOf(String... arguments) {
        return RefusedStartUp.failureOf(dataDir, arguments);
    }

    private String failureOf(SpringApplication application, String... arguments) {
        return RefusedStartUp.failureOf(application, dataDir, arguments);
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

    // ---- no accidental demo mode -----------------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SPRING_DATASOURCE_URL, spring.datasource.url, jdbc:postgresql://db.example:5432/ringside",
            "RINGSIDE_ENCRYPTION_KEY, ringside.encryption-key, " + KEY,
            "RINGSIDE_ENCRYPTION_KEY_PREVIOUS, ringside.encryption-key-previous, " + KEY,
            "RINGSIDE_ADMIN_PASSWORD, ringside.admin-password, correct-horse-battery",
            "RINGSIDE_OPERATOR_PASSWORD, ringside.operator-password, staple-operator-pass",
            "RINGCENTRAL_BASE_URL, ringcentral.base-url, https://platform.ringcentral.com",
            "RINGCENTRAL_REDIRECT_URI, ringcentral.redirect-uri, https://ringside.example.com/api/ringcentral/callback"})
    void aProductionSettingWithoutRingCentralCredentialsIsRefusedInsteadOfStartingTheDemo(String variable, String property, String value,
                                                                                       CapturedOutput output) {
        assertThat(failureOf("--" + property + "=" + value))
                .contains(variable + " (" + property + ") is set, but RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET are not,"
                        + " so Ringside would start in demo mode")
                .contains("To run with your RingCentral app, set RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET")
                .contains("To try the demo, remove " + variable + ".");
        assertThat(output.getAll()).as("Spring Boot's short report, not a stack trace")
                .contains("APPLICATION FAILED TO START").contains("Action:");
        assertThat(output.getAll()).as("the value is never printed (the report above is in the same output)").doesNotContain(value);
        assertThat(dataDir.resolve("demo")).as("nothing of the demo was written").doesNotExist();
    }

    @Test
    void theEnvironmentVariablesThemselvesAreSeenAndAllOfThemNamed() {
        // As on a server: the settings come as environment variables, here two at once with the credentials misspelled.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "SPRING_DATASOURCE_URL", "jdbc:postgresql://db.example:5432/ringside",
                        "RINGSIDE_ENCRYPTION_KEY", KEY,
                        "RINGCENTRAL_CLIENTS_ID", "abc", "RINGCENTRAL_CLIENTS_SECRET", "def")));
        SpringApplication application = new SpringApplication(RingsideApplication.class);
        application.setEnvironment(environment);

        assertThat(failureOf(application))
                .contains("SPRING_DATASOURCE_URL (spring.datasource.url) and RINGSIDE_ENCRYPTION_KEY (ringside.encryption-key) are set")
                .contains("remove SPRING_DATASOURCE_URL and RINGSIDE_ENCRYPTION_KEY.");
    }

    // ---- https only ------------------------------------------------------------------------------

    @Test
    void aPlainHttpRingCentralServerIsRefused() {
        assertThat(failureOf(realModeAnd("--ringcentral.base-url=http://platform.ringcentral.com")))
                .contains("ringcentral.base-url must start with https://")
                .contains("Use https://platform.ringcentral.com");
    }

    @Test
    void aPlainHttpRedirectUriIsRefused() {
        assertThat(failureOf(realModeAnd("--ringcentral.redirect-uri=http://ringside.example.com/api/ringcentral/callback")))
                .contains("ringcentral.redirect-uri must start with https://")
                .contains("Use https://ringside.example.com/api/ringcentral/callback");
    }

    @Test
    void plainHttpToThisMachineIsAccepted() {
        SpringApplication application = new SpringApplication(RingsideApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        try (ConfigurableApplicationContext context = application.run(withDefaults(realModeAnd(
                "--ringcentral.base-url=http://127.0.0.1:9/simulator",
                "--ringcentral.redirect-uri=http://localhost:8080/api/ringcentral/callback")))) {
            assertThat(context.getBean(ViewConnection.class).view().server()).isEqualTo(URI.create("http://127.0.0.1:9/simulator"));
        }
    }

    @Test
    void aResponseSizeOutsideItsRangeIsRefusedByName() {
        assertThat(failureOf(realModeAnd("--ringcentral.max-response-size=1GB")))
                .contains("ringcentral.max-response-size must be between 64 KB and 100 MB, not 1024 MB");
    }
}
