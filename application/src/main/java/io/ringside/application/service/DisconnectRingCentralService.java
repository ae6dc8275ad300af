package io.ringside.application.service;

import io.ringside.application.port.in.DisconnectRingCentral;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.RingCentralConnection;

import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Revokes the tokens at RingCentral if it can, and forgets the connection whether or not it could; the audit
 * trail says which.
 */
public final class DisconnectRingCentralService implements DisconnectRingCentral {

    private static final Logger LOG = Logger.getLogger(DisconnectRingCentralService.class.getName());

    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final Auditor auditor;

    public DisconnectRingCentralService(ConnectionStore connections, RingCentralAuthorization ringCentral, Auditor auditor) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.ringCentral = Objects.requireNonNull(ringCentral, "ringCentral");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    @Override
    public void disconnect(Actor admin) {
        Objects.requireNonNull(admin, "admin");
        Optional<RingCentralConnection> stored;
        String detail;
        try {
            stored = connections.load();
            detail = stored.isEmpty() ? "Nothing was connected" : null;
        } catch (RuntimeException unreadable) {
            // e.g. the encryption key changed: nothing to revoke with, but the admin must be able to start over.
            LOG.warning(() -> "The stored RingCentral connection cannot be read; deleting it without revoking: " + unreadable.getMessage());
            stored = Optional.empty();
            detail = "The stored connection could not be read; deleted without revoking its tokens";
        }
        if (stored.isPresent()) {
            detail = stored.get().isConnected() ? revoke(stored.get()) : "It needed a reconnect; there were no tokens to revoke";
        }
        connections.delete();
        LOG.info(() -> "RingCentral disconnected by " + admin.username());
        auditor.succeeded(AuditKind.RINGCENTRAL_DISCONNECTED, admin, "RingCentral", detail);
    }

    /** @return what became of the tokens, for the audit trail */
    private String revoke(RingCentralConnection connection) {
        try {
            ringCentral.revoke(connection.refreshToken());
            return "Tokens revoked at RingCentral";
        } catch (RingCentralException e) {
            // The admin asked to disconnect: a RingCentral hiccup must not keep the tokens here.
            LOG.warning(() -> "Could not revoke the RingCentral tokens; disconnecting anyway: " + e.getMessage());
            return "RingCentral could not revoke the tokens (" + e.getMessage() + "); Ringside forgot them anyway";
        }
    }
}
