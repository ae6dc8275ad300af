package io.ringside.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real, empty database for one test, migrated by the module's Flyway migrations: an H2 file
 * database in a temporary directory, or a fresh database on one embedded PostgreSQL shared by
 * the whole test run. Pooled like production, so concurrent tests really use several connections.
 */
final class TestDatabase implements AutoCloseable {

    enum Kind {
        H2, POSTGRESQL
    }

    private static final AtomicInteger POSTGRES_DATABASES = new AtomicInteger();

    private final Kind kind;
    private final String url;
    private final String user;
    private final Path h2File;
    private final HikariDataSource dataSource;

    private TestDatabase(Kind kind, String url, String user, Path h2File) {
        this.kind = kind;
        this.url = url;
        this.user = user;
        this.h2File = h2File;
        this.dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(url);
        dataSource.setUsername(user);
        dataSource.setPassword("");
        dataSource.setMaximumPoolSize(10);
        dataSource.setMinimumIdle(1); // grow on demand: the races need several connections, most tests one
    }

    static TestDatabase open(Kind kind, Path tempDir) {
        TestDatabase database = switch (kind) {
            case H2 -> h2(tempDir);
            case POSTGRESQL -> postgres();
        };
        database.migrate();
        return database;
    }

    /** An H2 file database in {@code dir}, the way bootstrap points Ringside at one. */
    static TestDatabase h2(Path dir) {
        Path base = dir.resolve("ringside").toAbsolutePath();
        return new TestDatabase(Kind.H2, "jdbc:h2:file:" + base, "sa", Path.of(base + ".mv.db"));
    }

    static TestDatabase postgres() {
        String name = "ringside_test_" + POSTGRES_DATABASES.incrementAndGet();
        try (Connection c = SharedPostgres.INSTANCE.getPostgresDatabase().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on embedded PostgreSQL", e);
        }
        return new TestDatabase(Kind.POSTGRESQL, SharedPostgres.INSTANCE.getJdbcUrl("postgres", name), "postgres", null);
    }

    /** Applies the migrations; on a database that has them already, applies nothing. */
    int migrate() {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
    }

    DataSource dataSource() {
        return dataSource;
    }

    Kind kind() {
        return kind;
    }

    String url() {
        return url;
    }

    /** The H2 database file; only for H2. */
    Path h2File() {
        if (h2File == null) {
            throw new IllegalStateException("Only an H2 database has a file");
        }
        return h2File;
    }

    /** Closes every connection (an H2 file database shuts down with its last one) and opens it again. */
    TestDatabase reopen() {
        close();
        return new TestDatabase(kind, url, user, h2File);
    }

    @Override
    public void close() {
        dataSource.close();
    }

    /** One embedded PostgreSQL per test run: ~2 s to start once its binaries are in the local Maven repository. */
    private static final class SharedPostgres {
        static final EmbeddedPostgres INSTANCE = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres postgres = EmbeddedPostgres.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away; the temporary cluster directory goes with it
                    }
                }));
                return postgres;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
            }
        }
    }
}
