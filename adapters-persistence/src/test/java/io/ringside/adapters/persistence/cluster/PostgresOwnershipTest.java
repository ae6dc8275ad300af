package io.ringside.adapters.persistence.cluster;

import io.ringside.adapters.persistence.ClusterTestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Ownership of the RingCentral work on a real PostgreSQL, as two instances on one database see it. */
class PostgresOwnershipTest {

    ClusterTestDatabase database;
    final List<PostgresOwnership> instances = new ArrayList<>();

    @BeforeEach
    void openDatabase() {
        database = ClusterTestDatabase.postgres();
    }

    @AfterEach
    void close() {
        instances.forEach(PostgresOwnership::release);
        database.close();
    }

    PostgresOwnership instance(long key) {
        PostgresOwnership ownership = new PostgresOwnership(database.url(), database.user(), database.password(), key);
        instances.add(ownership);
        return ownership;
    }

    PostgresOwnership instance() {
        return instance(PostgresOwnership.RINGCENTRAL_WORK);
    }

    @Test
    void ofTwoInstancesExactlyOneOwns() {
        PostgresOwnership first = instance();
        PostgresOwnership second = instance();

        assertThat(first.tryAcquire()).isTrue();
        assertThat(second.tryAcquire()).isFalse();

        assertThat(first.holds()).isTrue();
        assertThat(second.holds()).isFalse();
        assertThat(first.tryAcquire()).as("the owner asking again").isTrue();
        assertThat(second.tryAcquire()).as("the other asking again").isFalse();
    }

    @Test
    void whenTheOwnerReleasesTheOtherTakesOverAtOnce() {
        PostgresOwnership first = instance();
        PostgresOwnership second = instance();
        first.tryAcquire();
        first.tryAcquire(); // asking twice must not leave a second hold behind the release

        first.release();

        assertThat(first.holds()).isFalse();
        assertThat(second.tryAcquire()).isTrue();
        assertThat(first.tryAcquire()).isFalse();
    }

    @Test
    void whenTheOwnersSessionDiesItNoLongerOwnsAndTheOtherTakesOver() {
        PostgresOwnership first = instance();
        PostgresOwnership second = instance();
        first.tryAcquire();

        // As when its process is killed or its network goes: PostgreSQL ends the session.
        JdbcClient.create(database.dataSource()).sql("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE application_name = 'ringside-ownership' AND datname = current_database()
                          AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory')""")
                .query().listOfRows();

        await().atMost(Duration.ofSeconds(30)).until(second::tryAcquire);
        assertThat(first.holds()).isFalse();
        assertThat(first.tryAcquire()).as("the dead owner, back with a new session").isFalse();
        assertThat(second.holds()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {PostgresOwnership.RINGCENTRAL_WORK, 1L, -2L, Long.MIN_VALUE, Long.MAX_VALUE, 0xFFFF_FFFFL})
    void theOwnerSeesItsOwnLockWhateverTheKey(long key) {
        PostgresOwnership owner = instance(key);

        assertThat(owner.tryAcquire()).isTrue();
        assertThat(owner.holds()).isTrue();
        assertThat(instance(key).tryAcquire()).isFalse();
    }

    @Test
    void differentKeysAreDifferentLocks() {
        assertThat(instance(1L).tryAcquire()).isTrue();
        assertThat(instance(1L << 32).tryAcquire()).as("same low half, other high half").isTrue();
    }

    @Test
    void anUnreachableDatabaseMeansNotOwnerRatherThanAFailure() {
        // Port 1: nothing listens there, the connection is refused at once.
        PostgresOwnership ownership = new PostgresOwnership("jdbc:postgresql://127.0.0.1:1/ringside", "ringside", "secret",
                PostgresOwnership.RINGCENTRAL_WORK);

        assertThat(ownership.tryAcquire()).isFalse();
        assertThat(ownership.holds()).isFalse();
        ownership.release();
    }
}
