package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClusterSignals;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Cluster signals over PostgreSQL {@code LISTEN/NOTIFY} on the channel {@value #CHANNEL}, the payload being the
 * topic's name. A signal is sent on a pooled connection (inside a transaction it goes out at commit, as PostgreSQL
 * does); each {@link #listen} gets a daemon thread with a connection of its own that waits for notifications,
 * and on any failure closes it, waits (1 s, doubling to 10 s), connects and listens again, then says
 * {@code reconnected}: PostgreSQL does not replay what a listener missed, so the listener reloads from the tables.
 */
public final class PostgresSignals implements ClusterSignals, AutoCloseable {

    static final String CHANNEL = "ringside";

    private static final Logger log = LoggerFactory.getLogger(PostgresSignals.class);
    private static final int WAIT_MILLIS = 1000;
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LONGEST_RETRY = Duration.ofSeconds(10);
    /** How long a quiet connection goes unasked whether it is alive (a silent network failure sends nothing). */
    private static final Duration QUIET_PROBE = Duration.ofSeconds(15);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final JdbcClient jdbc;
    private final DedicatedConnections connections;
    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    /**
     * @param pooled the application's DataSource, for sending
     * @param url    the same database's JDBC URL, for the listeners' own connections
     */
    public PostgresSignals(DataSource pooled, String url, String user, String password) {
        this.jdbc = JdbcClient.create(Objects.requireNonNull(pooled, "pooled"));
        this.connections = new DedicatedConnections(url, user, password);
    }

    /**
     * Sends {@code topic}. A signal is only a nudge after a change that is committed already: when it cannot be
     * sent this logs and returns, rather than make the caller think its change failed.
     */
    @Override
    public void signal(Topic topic) {
        Objects.requireNonNull(topic, "topic");
        try {
            jdbc.sql("SELECT pg_notify('" + CHANNEL + "', :topic)").param("topic", topic.name())
                    .query(row -> { });
        } catch (DataAccessException e) {
            log.warn("Could not signal {} to the other instances: {}", topic, e.getMessage());
        }
    }

    @Override
    public Subscription listen(Consumer<Topic> changed, Runnable reconnected) {
        Listener listener = new Listener(Objects.requireNonNull(changed, "changed"),
                Objects.requireNonNull(reconnected, "reconnected"));
        listeners.add(listener);
        listener.start();
        return listener;
    }

    /** Stops every listener still open. */
    @Override
    public void close() {
        listeners.forEach(Listener::close);
    }

    private final class Listener implements Subscription, Runnable {

        private final Consumer<Topic> changed;
        private final Runnable reconnected;
        private final CountDownLatch closed = new CountDownLatch(1);
        private final Thread thread;

        Listener(Consumer<Topic> changed, Runnable reconnected) {
            this.changed = changed;
            this.reconnected = reconnected;
            this.thread = Thread.ofPlatform().daemon().name("ringside-cluster-signals-" + THREADS.incrementAndGet())
                    .unstarted(this);
        }

        void start() {
            thread.start();
        }

        @Override
        public void run() {
            Duration retry = FIRST_RETRY;
            long brokenSince = 0; // nanoTime of the current break, 0 while none
            while (isOpen()) {
                Connection connection = null;
                try {
                    connection = connections.open("ringside-cluster-signals");
                    try (Statement listen = connection.createStatement()) {
                        listen.execute("LISTEN " + CHANNEL);
                    }
                    if (brokenSince != 0) {
                        log.info("Listening for cluster signals again after {} s",
                                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - brokenSince));
                        brokenSince = 0;
                    }
                    retry = FIRST_RETRY;
                    run(reconnected, "reloading after (re)connecting");
                    deliverUntilClosed(connection);
                } catch (SQLException | RuntimeException e) {
                    if (!isOpen()) {
                        break;
                    }
                    if (brokenSince == 0) {
                        brokenSince = System.nanoTime();
                        log.warn("Stopped hearing cluster signals ({}); reconnecting, and reloading once back",
                                e.getMessage());
                    } else {
                        log.debug("Still cannot listen for cluster signals", e);
                    }
                } finally {
                    DedicatedConnections.closeQuietly(connection);
                }
                if (awaitClose(retry)) {
                    break;
                }
                retry = retry.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : retry.multipliedBy(2);
            }
        }

        /** Returns when this listener is closed; throws when the connection fails. */
        private void deliverUntilClosed(Connection connection) throws SQLException {
            PGConnection notifications = connection.unwrap(PGConnection.class);
            long lastHeard = System.nanoTime();
            while (isOpen()) {
                PGNotification[] batch = notifications.getNotifications(WAIT_MILLIS);
                if (batch != null && batch.length > 0) {
                    lastHeard = System.nanoTime();
                    topicsIn(batch).forEach(topic -> run(() -> changed.accept(topic), "handling signal " + topic));
                } else if (System.nanoTime() - lastHeard > QUIET_PROBE.toNanos()) {
                    if (!connection.isValid(5)) {
                        throw new SQLException("the listening connection stopped answering");
                    }
                    lastHeard = System.nanoTime();
                }
            }
        }

        /** The topics of one batch, each once, in the order first heard. */
        private Set<Topic> topicsIn(PGNotification[] batch) {
            Set<Topic> topics = new LinkedHashSet<>();
            for (PGNotification notification : batch) {
                try {
                    topics.add(Topic.valueOf(notification.getParameter()));
                } catch (IllegalArgumentException e) {
                    // A newer instance's topic during a rolling upgrade: not ours to act on.
                    log.debug("Ignoring unknown cluster signal '{}'", notification.getParameter());
                }
            }
            return topics;
        }

        /** A failing listener callback must not cost the connection, nor the signals after it. */
        private void run(Runnable callback, String what) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                log.warn("A cluster signal listener failed {}", what, e);
            }
        }

        private boolean isOpen() {
            return closed.getCount() > 0;
        }

        /** Waits {@code time} unless closed first; true when closed. */
        private boolean awaitClose(Duration time) {
            try {
                return closed.await(time.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return true;
            }
        }

        /** Stops the thread, which closes its connection within about a second (its wait for notifications). */
        @Override
        public void close() {
            listeners.remove(this);
            closed.countDown();
            if (Thread.currentThread() != thread) {
                try {
                    thread.join(Duration.ofMillis(3 * WAIT_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
