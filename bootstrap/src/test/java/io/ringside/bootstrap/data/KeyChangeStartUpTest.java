package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.PersistenceConfiguration;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.AccessToken;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Changing the encryption key as the README tells an admin to, start by start, on an H2 file:
 * Ringside started with the new key and the old one as previous re-encrypts everything and says
 * how much; a second such start changes nothing; a start with the new key alone reads everything;
 * a wrong previous key stops the start, naming the key id the tokens need. The starts load the
 * data wiring only, except one start of the whole application, which shows the re-encryption is
 * part of it.
 */
@ExtendWith(OutputCaptureExtension.class)
class KeyChangeStartUpTest {

    static final String OLD_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
    static final String OLD_KEY_ID = "8a44e469";
    static final String NEW_KEY = "q6Sm2p7cP0ptvtqB1m0OL/5sDXXQq6GZ0MVp0vl0qSI=";
    static final String NEW_KEY_ID = "eea7f9e6";
    static final String WRONG_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);
    static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dataDir;

    /** The data wiring of Ringside: its key configuration, the persistence adapter, Boot's DataSource and Flyway. */
    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
            DataSourceTransactionManagerAutoConfiguration.class, JdbcTemplateAutoConfiguration.class})
    @Import({DataConfiguration.class, ReEncryptionConfiguration.class, PersistenceConfiguration.class})
    static class DataWiring {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private void start(Consumer<ConfigurableApplicationContext> whileRunning, String... keys) {
        SpringApplication application = new SpringApplication(DataWiring.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        try (ConfigurableApplicationContext context = application.run(arguments(keys))) {
            whileRunning.accept(context);
        }
    }

    private String[] arguments(String... keys) {
        List<String> arguments = new ArrayList<>(List.of("--ringside.data-dir=" + dataDir,
                "--ringcentral.client-id=id", "--ringcentral.client-secret=secret"));
        arguments.addAll(List.of(keys));
        return arguments.toArray(String[]::new);
    }

    @Test
    void theNewKeyWithTheOldAsPreviousReEncryptsEverythingOnceAfterWhichTheNewKeyAloneReadsIt(CapturedOutput output) {
        RingCentralConnection connection = connection();
        PendingAuthorization attempt = PendingAuthorization.start("admin", NOW, RANDOM);
        start(context -> {
            context.getBean(ConnectionStore.class).saveIfVersionMatches(connection);
            context.getBean(PendingAuthorizationStore.class).save(attempt);
        }, "--ringside.encryption-key=" + OLD_KEY);

        int logBefore = output.getAll().length();
        start(context -> { }, "--ringside.encryption-key=" + NEW_KEY, "--ringside.encryption-key-previous=" + OLD_KEY);
        String rotationLog = output.getAll().substring(logBefore);
        assertThat(rotationLog)
                .contains("tokens at rest use key id " + NEW_KEY_ID + "; previous key id " + OLD_KEY_ID)
                .contains("re-encrypted 3 stored secret(s) with key id " + NEW_KEY_ID + " in one transaction "
                        + "(3 from the previous key, 0 stored before key ids were recorded)")
                .contains("remove RINGSIDE_ENCRYPTION_KEY_PREVIOUS");

        logBefore = output.getAll().length();
        start(context -> { }, "--ringside.encryption-key=" + NEW_KEY, "--ringside.encryption-key-previous=" + OLD_KEY);
        assertThat(output.getAll().substring(logBefore))
                .contains("3 stored secret(s), all already under key id " + NEW_KEY_ID + "; nothing to re-encrypt");

        start(context -> {
            assertThat(context.getBean(ConnectionStore.class).load()).contains(connection);
            assertThat(context.getBean(PendingAuthorizationStore.class).take(attempt.state(), NOW)).contains(attempt);
        }, "--ringside.encryption-key=" + NEW_KEY);

        assertThat(output.getAll())
                .doesNotContain(connection.accessToken().value())
                .doesNotContain(connection.refreshToken().value())
                .doesNotContain(attempt.codeVerifier().value())
                .doesNotContain(OLD_KEY).doesNotContain(NEW_KEY);
    }

    @Test
    void ringsideStartedWithAWrongPreviousKeyRefusesToStartNamingTheKeyIdTheTokensNeed(CapturedOutput output) {
        RingCentralConnection connection = connection();
        start(context -> context.getBean(ConnectionStore.class).saveIfVersionMatches(connection),
                "--ringside.encryption-key=" + OLD_KEY);

        SpringApplication ringside = new SpringApplication(RingsideApplication.class);
        ringside.setWebApplicationType(WebApplicationType.SERVLET);
        assertThatThrownBy(() -> ringside.run(arguments("--ringside.encryption-key=" + NEW_KEY,
                "--ringside.encryption-key-previous=" + WRONG_KEY,
                "--ringside.admin-password=correct-horse-battery", "--ringside.operator-password=staple-operator-pass",
                "--ringside.scheduling.enabled=false", "--ringside.simulator.generator.enabled=false", "--server.port=0")))
                .hasRootCauseInstanceOf(IllegalStateException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("RINGSIDE_ENCRYPTION_KEY_PREVIOUS (key id ")
                .contains("is not the key the stored secrets were saved with: "
                        + "ringcentral_connection.access_token_encrypted needs key id " + OLD_KEY_ID)
                .contains("Nothing was re-encrypted")
                .contains("Set RINGSIDE_ENCRYPTION_KEY_PREVIOUS to the key Ringside ran with before")
                .doesNotContain(WRONG_KEY).doesNotContain(connection.accessToken().value());

        // Nothing was changed: the key it was saved with still reads it.
        start(context -> assertThat(context.getBean(ConnectionStore.class).load()).contains(connection),
                "--ringside.encryption-key=" + OLD_KEY);
    }

    @Test
    void ringsideStartedWithANewKeyAloneStartsAndTheAdminPageSaysReconnectNeededNamingTheKeyIdTheTokensNeed(
            CapturedOutput output) {
        RingCentralConnection connection = connection();
        start(context -> context.getBean(ConnectionStore.class).saveIfVersionMatches(connection),
                "--ringside.encryption-key=" + OLD_KEY);

        SpringApplication ringside = new SpringApplication(RingsideApplication.class);
        ringside.setWebApplicationType(WebApplicationType.SERVLET);
        try (ConfigurableApplicationContext context = ringside.run(arguments("--ringside.encryption-key=" + NEW_KEY,
                "--ringside.admin-password=correct-horse-battery", "--ringside.operator-password=staple-operator-pass",
                "--ringside.scheduling.enabled=false", "--ringside.simulator.generator.enabled=false", "--server.port=0"))) {
            ConnectionView adminPage = context.getBean(ViewConnection.class).view();

            assertThat(adminPage.status()).isEqualTo(ConnectionView.Status.RECONNECT_NEEDED);
            assertThat(adminPage.problem()).contains("encryption key changed")
                    .contains("saved with key id " + OLD_KEY_ID)
                    .contains("RINGSIDE_ENCRYPTION_KEY has key id " + NEW_KEY_ID)
                    .doesNotContain(connection.accessToken().value());
        }
        assertThat(output.getAll())
                .contains("2 stored secret(s) cannot be decrypted and were left as they are: "
                        + "ringcentral_connection.access_token_encrypted needs key id " + OLD_KEY_ID)
                .doesNotContain(connection.accessToken().value()).doesNotContain(connection.refreshToken().value());
    }

    private static RingCentralConnection connection() {
        String tag = PendingAuthorization.start("admin", NOW, RANDOM).state();
        return RingCentralConnection.establish(new IssuedTokens(
                        new AccessToken("ACCESS-" + tag, NOW.plus(Duration.ofHours(1))),
                        new RefreshToken("REFRESH-" + tag, NOW, NOW.plus(Duration.ofDays(7))), "owner-1", "scope"),
                "admin", NOW);
    }
}
