package io.ringside.application.service;

import io.ringside.application.port.in.DisconnectRingCentral;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.domain.RingCentralConnection;

import java.util.Optional;
import java.util.logging.Logger;

/** Revokes the tokens at RingCentral if it can, and forgets the connection whether or not it could. */
public final class DisconnectRingCentralService implements DisconnectRingCentral {

    private static final Logger LOG = Logger.getLogger(DisconnectRingCentralService.class.getName());

    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;

    public DisconnectRingCentralService(ConnectionStore connections, RingCentralAuthorization ringCentral) {
        this.connections = connections;
        this.ringCentral = ringCentral;
    }

    @Override
    public void disconnect(String admin) {
        Optional<RingCentralConnection> stored;
        try {
            stored = connections.load();
        } catch (RuntimeException unreadable) {
            // e.g. the encryption key changed: nothing to revoke with, but the admin must be able to start over.
            LOG.warning(() -> "The stored RingCentral connection cannot be read; deleting it without revoking: " + unreadable.getMessage());
            stored = Optional.empty();
        }
        stored.filter(RingCentralConnection::isConnected)
                .ifPresent(connection -> {
                    try {
                        ringCentral.revoke(connection.refreshToken());
                    } catch (RingCentralException e) {
                        // The admin asked to disconnect: a RingCentral hiccup must not keep the tokens here.
                        LOG.warning(() -> "Could not revoke the RingCentral tokens; disconnecting anyway: " + e.getMessage());
                    }
                });
        connections.delete();
        LOG.info(() -> "RingCentral disconnected by " + admin);
    }
}
