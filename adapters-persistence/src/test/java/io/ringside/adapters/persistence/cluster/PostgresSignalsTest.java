package io.ringside.adapters.persistence.cluster;

import io.ringside.adapters.persistence.ClusterTestDatabase;
import io.ringside.application.port.out.ClusterSignals.Subscription;
import io.ringside.application.port.out.ClusterSignals.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signals between instances over LISTEN/NOTIFY on a real PostgreSQL. */
class PostgresSignalsTest {

    ClusterTestDatabase database;
    PostgresSignals first;
    PostgresSignals second;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        database = ClusterTestDatabase.postgres();
        first = signals();
        second = signals();
    }

    @AfterEach
    void close() {
        first.close();
        second.close();
        database.close();
    }

    PostgresSignals signals() {
        return new PostgresSignals(database.dataSource(), database.url(), database.user(), database.password());
    }

    /** What one listener heard. */
    static final class Heard {
        final List<Topic> topics = new CopyOnWriteArrayList<>();
        final AtomicInteger reconnects = new AtomicInteger();
        Subscription subscription;

        static Heard on(PostgresSignals signals) {
            Heard heard = new Heard();
            heard.subscription = signals.listen(heard.topics::add, heard.reconnects::incrementAndGet);
            // Told once it listens: from then on no signal is missed.
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.reconnects.get() == 1);
            return heard;
        }
    }

    @Test
    void aSignalReachesTheOtherInstanceAndTheSenderItself() {
        Heard atFirst = Heard.on(first);
        Heard atSecond = Heard.on(second);

        first.signal(Topic.CALLS);

        await().atMost(Duration.ofSeconds(30)).until(() -> atSecond.topics.contains(Topic.CALLS));
        await().atMost(Duration.ofSeconds(30)).until(() -> atFirst.topics.contains(Topic.CALLS));

        second.signal(Topic.CLAIMS);

        await().atMost(Duration.ofSeconds(30)).until(() -> atFirst.topics.contains(Topic.CLAIMS));
        await().atMost(Duration.ofSeconds(30)).until(() -> atSecond.topics.contains(Topic.CLAIMS));
        assertThat(atFirst.reconnects).hasValue(1);
    }

    @Test
    void aListenerWhoseConnectionIsKilledReconnectsSaysSoAndHearsLaterSignals() {
        Heard atSecond = Heard.on(second);

        // A NOTIFY sent while the listener is away is lost for good: hence "reconnected", and a reload.
        terminateListeningSessions();

        await().atMost(Duration.ofSeconds(30)).until(() -> atSecond.reconnects.get() == 2);
        first.signal(Topic.CLAIMS);
        await().atMost(Duration.ofSeconds(30)).until(() -> atSecond.topics.contains(Topic.CLAIMS));
    }

    @Test
    void aListenerThatFailsKeepsHearing() {
        List<Topic> heard = new CopyOnWriteArrayList<>();
        AtomicInteger reconnects = new AtomicInteger();
        second.listen(topic -> {
            heard.add(topic);
            throw new IllegalStateException("a listener's own bug");
        }, reconnects::incrementAndGet);
        await().atMost(Duration.ofSeconds(30)).until(() -> reconnects.get() == 1);

        first.signal(Topic.CALLS);
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(Topic.CALLS));
        first.signal(Topic.CLAIMS);
        await().atMost(Duration.ofSeconds(30)).until(() -> heard.contains(Topic.CLAIMS));

        assertThat(reconnects).as("no reconnect: the connection was never at fault").hasValue(1);
    }

    @Test
    void closingAListenerEndsItsSession() {
        Heard atSecond = Heard.on(second);
        assertThat(listeningSessions()).isEqualTo(1);

        atSecond.subscription.close();

        // PostgreSQL ends a session a moment after its client said goodbye.
        await().atMost(Duration.ofSeconds(30)).until(() -> listeningSessions() == 0);
        List<Topic> before = new ArrayList<>(atSecond.topics);
        first.signal(Topic.CALLS);
        Heard witness = Heard.on(first);
        first.signal(Topic.CALLS);
        await().atMost(Duration.ofSeconds(30)).until(() -> witness.topics.contains(Topic.CALLS));
        assertThat(atSecond.topics).isEqualTo(before);
    }

    @Test
    void aSignalThatCannotBeSentIsNotTheSendersFailure() {
        database.close(); // the pool is gone: every send fails

        first.signal(Topic.CALLS);
    }

    private void terminateListeningSessions() {
        JdbcClient.create(database.dataSource()).sql("""
                        SELECT pg_terminate_backend(pid) FROM pg_stat_activity
                        WHERE application_name = 'ringside-cluster-signals' AND datname = current_database()""")
                .query().listOfRows();
    }

    private long listeningSessions() {
        return JdbcClient.create(database.dataSource()).sql("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE application_name = 'ringside-cluster-signals' AND datname = current_database()""")
                .query(Long.class).single();
    }
}
