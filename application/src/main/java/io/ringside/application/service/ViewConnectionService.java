package io.ringside.application.service;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.domain.RingCentralConnection;

import java.util.Optional;
import java.util.function.Supplier;

/** The connection as an admin sees it (never a token, only who, when and until when), and how the caller feed is doing. */
public final class ViewConnectionService implements ViewConnection {

    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final Supplier<FeedHealth> feedHealth;

    public ViewConnectionService(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                 Supplier<FeedHealth> feedHealth) {
        this.connections = connections;
        this.ringCentral = ringCentral;
        this.feedHealth = feedHealth;
    }

    @Override
    public ConnectionView view() {
        FeedHealth feed = feedHealth.get();
        Optional<RingCentralConnection> stored;
        try {
            stored = connections.load();
        } catch (RuntimeException unreadable) {
            // e.g. the encryption key changed: the admin must still see it, and be able to disconnect.
            return new ConnectionView(ConnectionView.Status.RECONNECT_NEEDED, ringCentral.server(), null, null, null,
                    null, null, null, "The stored connection cannot be read: " + unreadable.getMessage(), feed);
        }
        return stored.map(connection -> describe(connection, feed))
                .orElseGet(() -> ConnectionView.notConnected(ringCentral.server(), feed));
    }

    private ConnectionView describe(RingCentralConnection connection, FeedHealth feed) {
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
                connection.problem(),
                feed);
    }
}
