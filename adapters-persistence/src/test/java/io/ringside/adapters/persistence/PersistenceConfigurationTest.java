package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.domain.PendingAuthorization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.file.Path;
import java.time.Clock;

import static io.ringside.adapters.persistence.Fixtures.CLOCK;
import static io.ringside.adapters.persistence.Fixtures.KEYS;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.connected;
import static io.ringside.adapters.persistence.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration as bootstrap uses it: Spring Boot's own DataSource and Flyway auto-configuration
 * (the database is chosen by spring.datasource.url alone), the key and the clock from outside.
 */
@ExtendWith(OutputCaptureExtension.class)
class PersistenceConfigurationTest {

    @TempDir
    Path dir;

    /** What @SpringBootApplication gives Spring Data's repository scanning: a base package. */
    @AutoConfigurationPackage
    static class LikeSpringBootApplication {
    }

    private ApplicationContextRunner runner(String url) {
        return new ApplicationContextRunner()
                // What the starters bring into bootstrap (spring-boot-starter-jdbc and -flyway).
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class))
                .withUserConfiguration(LikeSpringBootApplication.class, PersistenceConfiguration.class)
                .withBean(EncryptionKeys.class, () -> KEYS)
                .withBean(Clock.class, () -> CLOCK)
                .withPropertyValues("spring.datasource.url=" + url);
    }

    @Test
    void onAnH2FileUrlBootMigratesTheSchemaAndTheStoresWorkWithoutLoggingATokenAnywhere(CapturedOutput output) {
        String token = Fixtures.RandomTexts.token("ACCESS-TOKEN-NEVER-LOGGED");
        runner("jdbc:h2:file:" + dir.resolve("ringside").toAbsolutePath()).run(context -> {
            assertThat(context).hasNotFailed();
            ConnectionStore connections = context.getBean(ConnectionStore.class);
            assertThat(connections.saveIfVersionMatches(connected(token, "refresh-" + token)))
                    .isEqualTo(ConnectionStore.SaveResult.SAVED);
            assertThat(connections.load().orElseThrow().accessToken().value()).isEqualTo(token);
            PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
            context.getBean(PendingAuthorizationStore.class).save(attempt);
            assertThat(context.getBean(PendingAuthorizationStore.class).take(attempt.state(), NOW)).contains(attempt);
            assertThat(context.getBean(IntakeStore.class).forCall("s-none")).isEmpty();
        });
        assertThat(dir.resolve("ringside.mv.db")).exists();
        assertThat(output.getAll()).doesNotContain(token);
    }

    @Test
    void onAPostgresUrlTheSameConfigurationMigratesAndWorks() {
        try (TestDatabase postgres = TestDatabase.postgres()) { // empty: Boot's Flyway migrates it
            runner(postgres.url()).withPropertyValues("spring.datasource.username=postgres").run(context -> {
                assertThat(context).hasNotFailed();
                ConnectionStore connections = context.getBean(ConnectionStore.class);
                connections.saveIfVersionMatches(connected("access-pg", "refresh-pg"));
                assertThat(connections.load().orElseThrow().accessToken().value()).isEqualTo("access-pg");
            });
        }
    }
}
