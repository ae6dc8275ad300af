package io.ringside.bootstrap.cluster;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.bootstrap.benchmark.SimulatorHarness;
import io.ringside.bootstrap.testing.SimulatorConsent;
import io.ringside.domain.Actor;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.settings.SimulatorSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Two (or more) Ringsides on one PostgreSQL, as the cluster tests and benchmark need them: one embedded
 * PostgreSQL 17, one standalone RingCentral simulator ({@link SimulatorHarness}), and whole Ringside application
 * contexts in real RingCentral mode pointed at it, each with its own data directory and the same encryption key.
 *
 * <p>Each instance connects with its name as PostgreSQL's {@code application_name} (a parameter of its JDBC URL,
 * so its pool and its dedicated lock and listening connections all carry it): that is how the harness tells, from
 * the database alone, which instance holds the RingCentral lock, and whose backends to end.
 *
 * <p>The Auth limit is raised to {@link #AUTH_PER_MINUTE} a minute at the simulator and in Ringside alike, so that
 * forced token expiries can come seconds apart (RingCentral's real 5 a minute would make 100 of them take 20
 * minutes); every other limit is RingCentral's.
 */
final class ClusterHarness implements AutoCloseable {

    static final int AUTH_PER_MINUTE = 60;
    private static final String ENCRYPTION_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";
    private static final Actor ADMIN = new Actor(null, "admin", "Admin", null);

    private final EmbeddedPostgres postgres;
    private final SimulatorHarness simulator;
    private final Path dataRoot;
    private final List<RingsideInstance> instances = new ArrayList<>();
    private final AtomicInteger nextNumber = new AtomicInteger();

    private ClusterHarness(EmbeddedPostgres postgres, SimulatorHarness simulator, Path dataRoot) {
        this.postgres = postgres;
        this.simulator = simulator;
        this.dataRoot = dataRoot;
    }

    /** @param callLogDelay how long after a call ends the simulator's call log shows it */
    static ClusterHarness start(Duration callLogDelay) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.start();
        try {
            SimulatorHarness simulator = SimulatorHarness.start(callLogDelay);
            SimulatedPlatform platform = simulator.platform();
            platform.updateSettings(settings -> {
                SimulatorSettings.RateLimits real = settings.rateLimits();
                return settings.withRateLimits(new SimulatorSettings.RateLimits(real.heavy(), real.medium(), real.light(),
                        AUTH_PER_MINUTE, real.window(), real.penalty()));
            });
            Path dataRoot = Files.createTempDirectory(Path.of("target"), "cluster-");
            return new ClusterHarness(postgres, simulator, dataRoot);
        } catch (RuntimeException | IOException e) {
            postgres.close();
            throw e;
        }
    }

    SimulatorHarness simulator() {
        return simulator;
    }

    SimulatedPlatform platform() {
        return simulator.platform();
    }

    /** Starts a Ringside on this cluster's database; nothing beyond the datasource says it is one of several. */
    RingsideInstance startInstance(String name) {
        List<String> arguments = List.of(
                "--server.port=0",
                "--spring.datasource.url=jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?ApplicationName=" + name,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres",
                "--ringcentral.client-id=" + SimulatorHarness.CLIENT_ID,
                "--ringcentral.client-secret=" + SimulatorHarness.CLIENT_SECRET,
                "--ringcentral.base-url=" + simulator.baseUrl(),
                "--ringcentral.rate-limit-auth=" + AUTH_PER_MINUTE,
                "--ringside.encryption-key=" + ENCRYPTION_KEY,
                "--ringside.admin-password=correct-horse-battery",
                "--ringside.operator-password=staple-operator-pass",
                "--ringside.data-dir=" + dataRoot.resolve(name).toAbsolutePath(),
                "--logging.level.root=WARN");
        RingsideInstance instance = RingsideInstance.start(name, arguments);
        synchronized (instances) {
            instances.add(instance);
        }
        return instance;
    }

    /** An admin connects RingCentral once, on {@code via}, through the simulator's consent page. */
    void connectRingCentral(RingsideInstance via) throws IOException, InterruptedException {
        ConnectRingCentral connect = via.bean(ConnectRingCentral.class);
        URI authorize = connect.start(ADMIN);
        Map<String, String> back = new SimulatorConsent().decide(authorize, true);
        ConnectOutcome outcome = connect.complete(back.get("state"), back.get("code"), ADMIN);
        if (!(outcome instanceof ConnectOutcome.Connected)) {
            throw new IllegalStateException("Connecting RingCentral through " + via.name + " gave " + outcome);
        }
    }

    /** The instance holding the RingCentral lock (an advisory lock), by its connection's application_name. */
    Optional<String> owner() {
        return queryStrings("""
                SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'advisory' AND l.granted""").stream().findFirst();
    }

    /** Waits until an instance other than {@code not} holds the lock; empty after {@code timeout}. */
    Optional<String> awaitOwnerOtherThan(String not, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> owner = owner();
            if (owner.isPresent() && !owner.get().equals(not)) {
                return owner;
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** The instances started and not stopped. */
    List<RingsideInstance> running() {
        synchronized (instances) {
            return instances.stream().filter(i -> !i.closed()).toList();
        }
    }

    RingsideInstance instance(String name) {
        synchronized (instances) {
            return instances.stream().filter(i -> i.name.equals(name) && !i.closed()).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No running instance " + name));
        }
    }

    /**
     * The instance dies as far as the others can tell: its scheduled work stops, PostgreSQL ends every session it
     * had (so its advisory lock is free, as when the OS closes a killed process's sockets), and the rest of it is
     * closed. In-process, so not kill -9 itself: its RingCentral push socket is closed politely by the close.
     *
     * @return how many of its PostgreSQL sessions were ended
     */
    int killAbruptly(RingsideInstance instance) {
        instance.stopScheduledWork();
        int ended = terminate("application_name = ?", instance.name);
        instance.close();
        return ended;
    }

    /** Ends the session on which {@code instance} listens for NOTIFY (its last statement was LISTEN). */
    int dropListener(RingsideInstance instance) {
        return terminate("application_name = ? AND query ILIKE 'LISTEN%'", instance.name);
    }

    /** A caller's number no earlier call of this harness used. */
    String newNumber() {
        return "+1602555" + String.format("%04d", nextNumber.incrementAndGet());
    }

    private int terminate(String where, String name) {
        String sql = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND " + where;
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> queryStrings(String sql) {
        try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private DataSource dataSource() {
        return postgres.getPostgresDatabase();
    }

    @Override
    public void close() throws IOException {
        synchronized (instances) {
            for (RingsideInstance instance : instances) {
                try {
                    instance.close();
                } catch (RuntimeException e) {
                    System.err.println("closing " + instance.name + ": " + e);
                }
            }
        }
        simulator.close();
        postgres.close();
    }
}
