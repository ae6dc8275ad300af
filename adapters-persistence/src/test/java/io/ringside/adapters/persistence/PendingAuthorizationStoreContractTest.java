package io.ringside.adapters.persistence;

import io.ringside.domain.PendingAuthorization;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static io.ringside.adapters.persistence.Fixtures.KEYS;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.RANDOM;
import static io.ringside.adapters.persistence.Fixtures.pending;
import static io.ringside.adapters.persistence.Fixtures.race;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The PendingAuthorizationStore contract on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class PendingAuthorizationStoreContractTest {

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    JdbcPendingAuthorizationStore store;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        store = new JdbcPendingAuthorizationStore(database.dataSource(), KEYS);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anAttemptIsTakenBackWithItsVerifierOnceAndOnlyOnce() {
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        store.save(attempt);

        Optional<PendingAuthorization> taken = store.take(attempt.state(), NOW.plusSeconds(30));

        assertThat(taken).contains(attempt);
        assertThat(taken.orElseThrow().codeChallenge()).isEqualTo(attempt.codeChallenge());
        assertThat(store.take(attempt.state(), NOW.plusSeconds(31))).isEmpty();
    }

    @Test
    void anExpiredAttemptCannotBeTaken() {
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        store.save(attempt);

        assertThat(store.take(attempt.state(), attempt.expiresAt())).isEmpty();
        assertThat(store.take(attempt.state(), attempt.expiresAt().plusSeconds(1))).isEmpty();
    }

    @Test
    void anUnknownOrForgedStateFindsNothing() {
        store.save(pending(NOW.plus(PendingAuthorization.LIFETIME)));

        assertThat(store.take(Fixtures.RandomTexts.state(), NOW)).isEmpty();
        assertThat(store.take("' OR '1'='1", NOW)).isEmpty();
        assertThat(store.take(null, NOW)).isEmpty();
    }

    @Test
    void ofEightCallbacksTakingTheSameStateAtOnceExactlyOneGetsIt() throws Exception {
        for (int round = 0; round < 10; round++) {
            PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
            store.save(attempt);

            List<Optional<PendingAuthorization>> results = race(8, () -> store.take(attempt.state(), NOW));

            assertThat(results).filteredOn(Optional::isPresent).containsExactly(Optional.of(attempt));
        }
    }

    @Test
    void purgingForgetsOnlyExpiredAttemptsAndSaysHowMany() {
        PendingAuthorization expiredLongAgo = pending(NOW.minus(Duration.ofHours(1)));
        PendingAuthorization expiresNow = pending(NOW);
        PendingAuthorization live = pending(NOW.plusSeconds(1));
        List.of(expiredLongAgo, expiresNow, live).forEach(store::save);

        assertThat(store.purgeExpired(NOW)).isEqualTo(2);
        assertThat(store.purgeExpired(NOW)).isZero();
        assertThat(store.take(live.state(), NOW)).contains(live);
    }

    @Test
    void theVerifierIsStoredOnlyEncrypted() {
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        store.save(attempt);

        String wholeRow = JdbcClient.create(database.dataSource())
                .sql("SELECT * FROM pending_authorization").query().singleRow().toString();

        assertThat(wholeRow).contains(attempt.state()).doesNotContain(attempt.codeVerifier().value());
    }

    @Test
    void takingWithADifferentKeyFailsLoudlyNamingTheCause() {
        PendingAuthorization attempt = pending(NOW.plus(PendingAuthorization.LIFETIME));
        store.save(attempt);
        var withAnotherKey = new JdbcPendingAuthorizationStore(database.dataSource(), EncryptionKeys.of(EncryptionKey.generate(RANDOM)));

        assertThatThrownBy(() -> withAnotherKey.take(attempt.state(), NOW))
                .isInstanceOf(EncryptionKeyChangedException.class)
                .hasMessageContaining("encryption key changed")
                .hasMessageNotContaining(attempt.codeVerifier().value());
    }
}
