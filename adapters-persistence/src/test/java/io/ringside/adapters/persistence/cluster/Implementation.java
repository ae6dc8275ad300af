package io.ringside.adapters.persistence.cluster;

import io.ringside.adapters.persistence.ClusterTestDatabase;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;

/** Where a contract test runs: the in-memory implementation of a single instance, or a real database. */
enum Implementation {
    IN_MEMORY, H2, POSTGRESQL;

    /** A fresh store of this implementation; {@link Opened#close} closes its database, if any. */
    <T> Opened<T> open(Path dir, Supplier<T> inMemory, Function<DataSource, T> jdbc) {
        if (this == IN_MEMORY) {
            return new Opened<>(inMemory.get(), null);
        }
        ClusterTestDatabase database = ClusterTestDatabase.open(ClusterTestDatabase.Kind.valueOf(name()), dir);
        return new Opened<>(jdbc.apply(database.dataSource()), database);
    }

    record Opened<T>(T store, ClusterTestDatabase database) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
