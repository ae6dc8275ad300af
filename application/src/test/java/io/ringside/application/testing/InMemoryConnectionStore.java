package io.ringside.application.testing;

import io.ringside.application.port.out.ConnectionStore;
import io.ringside.domain.RingCentralConnection;

import java.util.Optional;

/** Compare-and-set semantics of {@link ConnectionStore}, in memory. */
public class InMemoryConnectionStore implements ConnectionStore {

    private RingCentralConnection stored;
    private int saves;

    @Override
    public synchronized Optional<RingCentralConnection> load() {
        return Optional.ofNullable(stored);
    }

    @Override
    public synchronized SaveResult saveIfVersionMatches(RingCentralConnection connection) {
        long storedVersion = stored == null ? 0 : stored.version();
        if (storedVersion != connection.version() - 1) {
            return SaveResult.VERSION_CONFLICT;
        }
        stored = connection;
        saves++;
        return SaveResult.SAVED;
    }

    @Override
    public synchronized void delete() {
        stored = null;
    }

    public synchronized int saves() {
        return saves;
    }
}
