package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConnectionStore.SaveResult;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RingCentralConnection;
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
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.ringside.adapters.persistence.Fixtures.CLOCK;
import static io.ringside.adapters.persistence.Fixtures.KEY;
import static io.ringside.adapters.persistence.Fixtures.KEYS;
import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.RANDOM;
import static io.ringside.adapters.persistence.Fixtures.accessToken;
import static io.ringside.adapters.persistence.Fixtures.connected;
import static io.ringside.adapters.persistence.Fixtures.race;
import static io.ringside.adapters.persistence.Fixtures.refreshToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The ConnectionStore contract on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class ConnectionStoreContractTest {

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    JdbcConnectionStore store;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        store = new JdbcConnectionStore(database.dataSource(), KEYS, CLOCK);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void nothingIsConnectedOnAFreshDatabase() {
        assertThat(store.load()).isEmpty();
    }

    @Test
    void aConnectionComesBackExactlyAsSaved() {
        RingCentralConnection first = connected("access-one", "refresh-one");
        assertThat(store.saveIfVersionMatches(first)).isEqualTo(SaveResult.SAVED);
        assertThat(store.load()).contains(first);

        RingCentralConnection refreshed = first.refreshed(new IssuedTokens(accessToken("access-two"),
                refreshToken("refresh-two"), null, null), NOW.plus(Duration.ofMinutes(55)));
        assertThat(store.saveIfVersionMatches(refreshed)).isEqualTo(SaveResult.SAVED);
        assertThat(store.load()).contains(refreshed);
        assertThat(store.load().orElseThrow().ownerId()).isEqualTo("owner-4242");
    }

    @Test
    void aConnectionThatNeedsAReconnectKeepsItsReasonAndNoTokens() {
        RingCentralConnection first = connected("access-one", "refresh-one");
        store.saveIfVersionMatches(first);
        RingCentralConnection broken = first.reconnectNeeded("RingCentral refused the refresh token (invalid_grant)");

        assertThat(store.saveIfVersionMatches(broken)).isEqualTo(SaveResult.SAVED);

        assertThat(store.load()).contains(broken);
        assertThat(rawColumn("access_token_encrypted")).isNull();
        assertThat(rawColumn("refresh_token_encrypted")).isNull();
    }

    @Test
    void aSaveOverAnotherVersionIsAConflictAndChangesNothing() {
        RingCentralConnection first = connected("access-one", "refresh-one");
        store.saveIfVersionMatches(first);

        RingCentralConnection anotherFirst = connected("access-other", "refresh-other");
        RingCentralConnection skipsAVersion = first.reconnectNeeded("x").replacedBy(
                new IssuedTokens(accessToken("access-three"), refreshToken("refresh-three"), null, null), "admin", NOW);

        assertThat(store.saveIfVersionMatches(anotherFirst)).isEqualTo(SaveResult.VERSION_CONFLICT);
        assertThat(store.saveIfVersionMatches(skipsAVersion)).isEqualTo(SaveResult.VERSION_CONFLICT);
        assertThat(store.load()).contains(first);
    }

    @Test
    void ofTwoRefreshersRacingFromTheSameVersionExactlyOneWinsAndItsTokensAreStored() throws Exception {
        RingCentralConnection current = connected("access-0", "refresh-0");
        store.saveIfVersionMatches(current);
        for (int round = 1; round <= 10; round++) {
            RingCentralConnection from = current;
            List<RingCentralConnection> attempts = List.of(successor(from, "a" + round), successor(from, "b" + round));

            Map<RingCentralConnection, SaveResult> results = saveConcurrently(attempts);

            assertThat(results.values()).containsExactlyInAnyOrder(SaveResult.SAVED, SaveResult.VERSION_CONFLICT);
            current = store.load().orElseThrow();
            assertThat(results).containsEntry(current, SaveResult.SAVED);
            assertThat(current.version()).isEqualTo(from.version() + 1);
        }
    }

    @Test
    void ofTwoAdminsConnectingAtOnceExactlyOneConnectionIsStored() throws Exception {
        List<RingCentralConnection> attempts = List.of(connected("access-a", "refresh-a"), connected("access-b", "refresh-b"));

        Map<RingCentralConnection, SaveResult> results = saveConcurrently(attempts);

        assertThat(results.values()).containsExactlyInAnyOrder(SaveResult.SAVED, SaveResult.VERSION_CONFLICT);
        assertThat(results).containsEntry(store.load().orElseThrow(), SaveResult.SAVED);
    }

    @Test
    void aDisconnectForgetsTheConnectionAndARefreshThatWasInFlightCannotBringItBack() {
        RingCentralConnection first = connected("access-one", "refresh-one");
        store.saveIfVersionMatches(first);

        store.delete();

        assertThat(store.load()).isEmpty();
        assertThat(store.saveIfVersionMatches(successor(first, "late"))).isEqualTo(SaveResult.VERSION_CONFLICT);
        assertThat(store.load()).isEmpty();
        assertThat(store.saveIfVersionMatches(connected("access-new", "refresh-new"))).isEqualTo(SaveResult.SAVED);
    }

    @Test
    void theTokensAreStoredOnlyEncrypted() {
        String access = Fixtures.RandomTexts.token("ACCESS");
        String refresh = Fixtures.RandomTexts.token("REFRESH");
        store.saveIfVersionMatches(connected(access, refresh));

        assertThat(rawColumn("access_token_encrypted")).startsWith("v2:" + KEY.id() + ":").doesNotContain(access);
        assertThat(rawColumn("refresh_token_encrypted")).startsWith("v2:" + KEY.id() + ":").doesNotContain(refresh);
        String wholeRow = JdbcClient.create(database.dataSource())
                .sql("SELECT * FROM ringcentral_connection").query().singleRow().toString();
        assertThat(wholeRow).doesNotContain(access).doesNotContain(refresh).contains("owner-4242");
    }

    @Test
    void readingWithADifferentKeyFailsLoudlyNamingTheCause() {
        String access = Fixtures.RandomTexts.token("ACCESS");
        store.saveIfVersionMatches(connected(access, "refresh-one"));
        JdbcConnectionStore withAnotherKey = new JdbcConnectionStore(database.dataSource(), EncryptionKeys.of(EncryptionKey.generate(RANDOM)), CLOCK);

        assertThatThrownBy(withAnotherKey::load)
                .isInstanceOf(EncryptionKeyChangedException.class)
                .hasMessageContaining("encryption key changed")
                .hasMessageContaining("access token")
                .hasMessageContaining("saved with key id " + KEY.id())
                .hasMessageNotContaining(access);
        // The right key still reads it: nothing was damaged by the failed read.
        assertThat(store.load().orElseThrow().accessToken().value()).isEqualTo(access);
    }

    /** Each attempt saved by its own thread, all released at once; what each got. */
    private Map<RingCentralConnection, SaveResult> saveConcurrently(List<RingCentralConnection> attempts) throws Exception {
        AtomicInteger next = new AtomicInteger();
        return race(attempts.size(), () -> {
            RingCentralConnection attempt = attempts.get(next.getAndIncrement());
            return Map.entry(attempt, store.saveIfVersionMatches(attempt));
        }).stream().collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static RingCentralConnection successor(RingCentralConnection from, String tag) {
        return from.refreshed(new IssuedTokens(accessToken("access-" + tag), refreshToken("refresh-" + tag), null, null),
                NOW.plus(Duration.ofMinutes(55)));
    }

    private String rawColumn(String column) {
        return JdbcClient.create(database.dataSource())
                .sql("SELECT " + column + " FROM ringcentral_connection WHERE id = 1")
                .query((rs, n) -> rs.getString(1)).list().getFirst(); // may be null: no single()
    }
}
