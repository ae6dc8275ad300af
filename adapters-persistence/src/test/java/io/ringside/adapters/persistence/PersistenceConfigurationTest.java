package io.ringside.adapters.persistence;

import io.ringside.application.port.out.AuditLog;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.jdbc.autoconfigure.DataJdbcRepositoriesAutoConfiguration;
import org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.jdbc.core.mapping.JdbcMappingContext;

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
                // What the starters bring into bootstrap (spring-boot-starter-data-jdbc, which has -jdbc, and -flyway).
                .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
                        JdbcTemplateAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class,
                        DataJdbcRepositoriesAutoConfiguration.class))
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
            assertPeopleAndAuditWork(context);
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
                assertPeopleAndAuditWork(context);
            });
        }
    }

    @Test
    void bootsOwnDataJdbcAutoConfigurationBacksOffSoThereIsOneSetOfRepositories() {
        runner("jdbc:h2:file:" + dir.resolve("ringside").toAbsolutePath()).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(UserRows.class);
            assertThat(context).hasSingleBean(JdbcMappingContext.class);
            assertThat(context).hasSingleBean(JdbcAggregateTemplate.class);
            assertThat(context.getBean(JdbcMappingContext.class).isForceQuote()).as("names unquoted, as the migrations").isFalse();
        });
    }

    private static void assertPeopleAndAuditWork(ApplicationContext context) {
        UserAccounts users = context.getBean(UserAccounts.class);
        UserAccount ada = users.add(UserAccount.create("ada", "Ada", Role.ADMIN, null, "{noop-test}hash"));
        assertThat(users.update(ada.loggedIn(NOW)).version()).isEqualTo(ada.version() + 1);
        assertThat(users.byUsername("ADA").orElseThrow().lastLoginAt()).isEqualTo(NOW);
        AuditLog audit = context.getBean(AuditLog.class);
        audit.append(AuditEntry.of(NOW, AuditKind.LOGIN_SUCCEEDED, Fixtures.OPERATOR, null, null, AuditOutcome.SUCCEEDED));
        assertThat(audit.count(AuditQuery.ALL)).isEqualTo(1);
    }
}
