package io.ringside.adapters.persistence;

import io.ringside.application.port.out.AuditLog;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.port.out.UserAccounts;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * The persistence adapter's beans, for bootstrap to {@code @Import}. It needs a {@link DataSource}
 * (Spring Boot's, from {@code spring.datasource.url}: H2 or PostgreSQL, nothing here chooses), the
 * {@link EncryptionKeys} and a {@link Clock}. Flyway (Boot's {@code spring-boot-starter-flyway})
 * migrates the schema from {@code classpath:db/migration} before these stores are created.
 * {@link StoredSecretReEncryption} is only built here; when it runs is bootstrap's decision.
 * Users are a Spring Data JDBC aggregate: {@link SpringDataJdbcConfiguration} (imported) enables this
 * package's repositories itself, so bootstrap must not enable JDBC repositories on this package again.
 */
@Configuration(proxyBeanMethods = false)
@Import(SpringDataJdbcConfiguration.class)
public class PersistenceConfiguration {

    @Bean
    @DependsOnDatabaseInitialization
    public ConnectionStore connectionStore(DataSource dataSource, EncryptionKeys encryptionKeys, Clock clock) {
        return new JdbcConnectionStore(dataSource, encryptionKeys, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    public PendingAuthorizationStore pendingAuthorizationStore(DataSource dataSource, EncryptionKeys encryptionKeys) {
        return new JdbcPendingAuthorizationStore(dataSource, encryptionKeys);
    }

    @Bean
    @DependsOnDatabaseInitialization
    public StoredSecretReEncryption storedSecretReEncryption(DataSource dataSource, EncryptionKeys encryptionKeys) {
        return new StoredSecretReEncryption(dataSource, encryptionKeys);
    }

    @Bean
    @DependsOnDatabaseInitialization
    public IntakeStore intakeStore(DataSource dataSource) {
        return new JdbcIntakeStore(dataSource);
    }

    @Bean
    @DependsOnDatabaseInitialization
    UserAccounts userAccounts(UserRows userRows, Clock clock) {
        return new SpringDataUserAccounts(userRows, clock);
    }

    @Bean
    @DependsOnDatabaseInitialization
    public AuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(dataSource);
    }
}
