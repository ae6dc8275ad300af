package io.ringside.application.service;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.domain.RingCentralConnection;

import java.time.Instant;
import java.util.function.Supplier;

/** The connection as an admin sees it: never a token, only who, when and until when. */
public final class ViewConnectionService implements ViewConnection {

    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final Supplier<Instant> lastCallLogSync;

    public ViewConnectionService(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                 Supplier<Instant> lastCallLogSync) {
        this.connections = connections;
        this.ringCentral = ringCentral;
        this.lastCallLogSync = lastCallLogSync;
    }

    @Override
    public ConnectionView view() {
        return connections.load()
                .map(this::describe)
                .orElseGet(() -> ConnectionView.notConnected(ringCentral.server()));
    }

    private ConnectionView describe(RingCentralConnection connection) {
        boolean connected = connection.isConnected();
        return new ConnectionView(
                connected ? ConnectionView.Status.CONNECTED : ConnectionView.Status.RECONNECT_NEEDED,
                ringCentral.server(),
                connection.ownerId(),
                connection.connectedBy(),
                connection.connectedAt(),
                connected ? connection.accessToken().expiresAt() : null,
                connected ? connection.refreshToken().expiresAt() : null,
                connection.lastRefreshedAt(),
                lastCallLogSync.get(),
                connection.problem());
    }
}
