package io.ringside.adapters.persistence;

import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import io.ringside.domain.Intake;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RingCentralConnection;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static io.ringside.adapters.persistence.Fixtures.CLOCK;
import static io.ringside.adapters.persistence.Fixtures.KEY;
import static io.ringside.adapters.persistence.Fixtures.KEYS;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.OPERATOR;
import static io.ringside.adapters.persistence.Fixtures.connected;
import static io.ringside.adapters.persistence.Fixtures.pending;
import static org.assertj.core.api.Assertions.assertThat;

/** What the embedded default, an H2 file under the data directory, must do beyond the contract. */
class H2FileDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void aRestartKeepsTheConnectionTheIntakesAndTheAttemptsInFlight() {
        RingCentralConnection connection = connected("access-before-restart", "refresh-before-restart");
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        Intake intake = Intake.record("Ada", PhoneNumber.of("+16025551234"), "kept", "s-1", OPERATOR, NOW);
        TestDatabase database = TestDatabase.open(TestDatabase.Kind.H2, dir);
        new JdbcConnectionStore(database.dataSource(), KEYS, CLOCK).saveIfVersionMatches(connection);
        new JdbcPendingAuthorizationStore(database.dataSource(), KEYS).save(attempt);
        new JdbcIntakeStore(database.dataSource()).save(intake);

        try (TestDatabase restarted = database.reopen()) {
            assertThat(restarted.migrate()).as("migrations already applied run again").isZero();
            assertThat(new JdbcConnectionStore(restarted.dataSource(), KEYS, CLOCK).load()).contains(connection);
            assertThat(new JdbcPendingAuthorizationStore(restarted.dataSource(), KEYS).take(attempt.state(), NOW)).contains(attempt);
            assertThat(new JdbcIntakeStore(restarted.dataSource()).forCall("s-1")).containsExactly(intake.atVersion(1));
        }
    }

    @Test
    void afterAKeyChangeTheFileStillHoldsNoTokenOrVerifierInPlainText() throws Exception {
        String accessToken = "U0pDMTJQMDFQQVMwMXxBQUJfTVpQWUFDQ0VTUy1ST1RBVEVELUlOLVRIRS1GSUxF";
        String refreshToken = "U0pDMTJQMDFQQVMwMXxBQUJfTVpQWVJFRlJFU0gtUk9UQVRFRC1JTi1USEUtRklMRQ";
        String marker = "PLAIN-TEXT-MARKER-" + UUID.randomUUID();
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        EncryptionKey newKey = EncryptionKey.generate(Fixtures.RANDOM);
        try (TestDatabase database = TestDatabase.open(TestDatabase.Kind.H2, dir)) {
            new JdbcConnectionStore(database.dataSource(), KEYS, CLOCK).saveIfVersionMatches(connected(accessToken, refreshToken));
            new JdbcPendingAuthorizationStore(database.dataSource(), KEYS).save(attempt);
            new JdbcIntakeStore(database.dataSource())
                    .save(Intake.record(null, PhoneNumber.of("+16025551234"), marker, null, OPERATOR, NOW));

            assertThat(new StoredSecretReEncryption(database.dataSource(), EncryptionKeys.rotating(newKey, KEY))
                    .reEncryptToCurrentKey().reEncrypted()).isEqualTo(3);
            JdbcClient.create(database.dataSource()).sql("CHECKPOINT SYNC").update();

            String file = new String(Files.readAllBytes(database.h2File()), StandardCharsets.ISO_8859_1);
            assertThat(file).as("positive control: a plain column is readable in the same bytes").contains(marker);
            assertThat(file).doesNotContain(accessToken).doesNotContain(refreshToken)
                    .doesNotContain(attempt.codeVerifier().value());
        }
    }

    @Test
    void theDatabaseFileHoldsNoTokenOrVerifierInPlainTextButDoesHoldPlainColumns() throws Exception {
        // Long, distinctive values: a match in the file cannot be chance.
        String accessToken = "U0pDMTJQMDFQQVMwMXxBQUJfTVpQWUFDQ0VTUy1UT0tFTi1JTi1USEUtRklMRQ";
        String refreshToken = "U0pDMTJQMDFQQVMwMXxBQUJfTVpQWVJFRlJFU0gtVE9LRU4tSU4tVEhFLUZJTEU";
        String marker = "PLAIN-TEXT-MARKER-" + UUID.randomUUID();
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        try (TestDatabase database = TestDatabase.open(TestDatabase.Kind.H2, dir)) {
            new JdbcConnectionStore(database.dataSource(), KEYS, CLOCK).saveIfVersionMatches(connected(accessToken, refreshToken));
            new JdbcPendingAuthorizationStore(database.dataSource(), KEYS).save(attempt);
            new JdbcIntakeStore(database.dataSource())
                    .save(Intake.record(null, PhoneNumber.of("+16025551234"), marker, null, OPERATOR, NOW));
            JdbcClient.create(database.dataSource()).sql("CHECKPOINT SYNC").update();

            String file = new String(Files.readAllBytes(database.h2File()), StandardCharsets.ISO_8859_1);

            assertThat(file).as("positive control: a plain column is readable in the same bytes").contains(marker);
            assertThat(file).doesNotContain(accessToken).doesNotContain(refreshToken)
                    .doesNotContain(attempt.codeVerifier().value());
        }
    }

    @Test
    void aPersonAndTheAuditTrailSurviveARestartAndTheFileHoldsThePasswordHashNeverThePassword() throws Exception {
        String password = "Temporary-PASSWORD-" + UUID.randomUUID();
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(password);
        UserAccount maria = UserAccount.create("maria.marker", "Maria", Role.OPERATOR, null, hash);
        TestDatabase database = TestDatabase.open(TestDatabase.Kind.H2, dir);
        UserAccount stored;
        try (SpringDataJdbcContext spring = new SpringDataJdbcContext(database.dataSource())) {
            stored = spring.userAccounts().add(maria);
        }
        AuditEntry added = AuditEntry.of(NOW, AuditKind.USER_ADDED, Actor.system(), "maria.marker", null, AuditOutcome.SUCCEEDED);
        new JdbcAuditLog(database.dataSource()).append(added);

        try (TestDatabase restarted = database.reopen();
             SpringDataJdbcContext spring = new SpringDataJdbcContext(restarted.dataSource())) {
            assertThat(spring.userAccounts().byUsername("maria.marker")).contains(stored);
            assertThat(new JdbcAuditLog(restarted.dataSource()).find(AuditQuery.ALL, 0, 10)).containsExactly(added);
            JdbcClient.create(restarted.dataSource()).sql("CHECKPOINT SYNC").update();

            String file = new String(Files.readAllBytes(restarted.h2File()), StandardCharsets.ISO_8859_1);
            assertThat(file).as("positive control: plain columns are readable in the same bytes")
                    .contains("maria.marker").contains(hash);
            assertThat(file).doesNotContain(password);
        }
    }
}
