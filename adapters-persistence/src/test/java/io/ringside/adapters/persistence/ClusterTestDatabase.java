package io.ringside.adapters.persistence;

import javax.sql.DataSource;
import java.nio.file.Path;

/**
 * {@link TestDatabase} for the tests of {@code io.ringside.adapters.persistence.cluster}, which cannot see it:
 * a migrated, empty database plus what a dedicated connection needs to reach it (URL, user, password).
 */
public final class ClusterTestDatabase implements AutoCloseable {

    public enum Kind {
        H2, POSTGRESQL
    }

    private final TestDatabase database;

    private ClusterTestDatabase(TestDatabase database) {
        this.database = database;
    }

    public static ClusterTestDatabase open(Kind kind, Path tempDir) {
        return new ClusterTestDatabase(TestDatabase.open(TestDatabase.Kind.valueOf(kind.name()), tempDir));
    }

    /** A fresh database on the test run's embedded PostgreSQL (advisory locks and notifications are per database). */
    public static ClusterTestDatabase postgres() {
        return open(Kind.POSTGRESQL, null);
    }

    public DataSource dataSource() {
        return database.dataSource();
    }

    public String url() {
        return database.url();
    }

    /** The user TestDatabase connects as; embedded PostgreSQL trusts local connections, so no password. */
    public String user() {
        return database.kind() == TestDatabase.Kind.H2 ? "sa" : "postgres";
    }

    public String password() {
        return "";
    }

    @Override
    public void close() {
        database.close();
    }
}
