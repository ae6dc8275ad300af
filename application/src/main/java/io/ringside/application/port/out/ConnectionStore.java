package io.ringside.application.port.out;

import io.ringside.domain.RingCentralConnection;

import java.util.Optional;

/** Keeps the company's one RingCentral connection. */
public interface ConnectionStore {

    enum SaveResult {
        SAVED,
        /** The stored version was not the one the connection came from: someone else saved first. */
        VERSION_CONFLICT
    }

    Optional<RingCentralConnection> load();

    /**
     * Saves {@code connection} only if the stored one has version {@code connection.version() - 1}
     * (or nothing is stored and the version is 1). Exactly one of two racing writers wins.
     */
    SaveResult saveIfVersionMatches(RingCentralConnection connection);

    void delete();
}
