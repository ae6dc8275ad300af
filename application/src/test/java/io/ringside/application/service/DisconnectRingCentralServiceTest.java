package io.ringside.application.service;

import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

class DisconnectRingCentralServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), "admin", "Administrator", "10.0.0.5");

    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final AtomicBoolean storedWhileRevoking = new AtomicBoolean();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock) {
        @Override
        public void revoke(RefreshToken refreshToken) {
            storedWhileRevoking.set(connections.load().isPresent());
            super.revoke(refreshToken);
        }
    };
    private final DisconnectRingCentralService service = new DisconnectRingCentralService(connections, ringCentral, new Auditor(audit, clock));

    private RingCentralConnection connect() {
        RingCentralConnection connection = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", T0);
        connections.saveIfVersionMatches(connection);
        return connection;
    }

    @Test
    void revokesTheTokensThenForgetsTheConnection() {
        RingCentralConnection connection = connect();

        service.disconnect(ADMIN);

        assertThat(ringCentral.revokes).hasValue(1);
        assertThat(ringCentral.lastRevoked).isEqualTo(connection.refreshToken());
        assertThat(storedWhileRevoking).isTrue();
        assertThat(connections.load()).isEmpty();
        assertDisconnectAudited("Tokens revoked at RingCentral");
    }

    @Test
    void aRevokeFailureStillForgetsTheConnection() {
        connect();
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection reset"));

        service.disconnect(ADMIN);

        assertThat(ringCentral.revokes).hasValue(1);
        assertThat(connections.load()).isEmpty();
        assertDisconnectAudited("RingCentral could not revoke the tokens (Connection reset); Ringside forgot them anyway");
    }

    @Test
    void aRateLimitedRevokeStillForgetsTheConnection() {
        connect();
        ringCentral.failNextAuth(new RingCentralRateLimitedException("Auth", T0.plusSeconds(60)));

        service.disconnect(ADMIN);

        assertThat(connections.load()).isEmpty();
    }

    @Test
    void aConnectionThatNeedsAReconnectHasNothingToRevokeAndIsForgotten() {
        connections.saveIfVersionMatches(connect().reconnectNeeded("invalid_grant"));

        service.disconnect(ADMIN);

        assertThat(ringCentral.revokes).hasValue(0);
        assertThat(connections.load()).isEmpty();
        assertDisconnectAudited("It needed a reconnect; there were no tokens to revoke");
    }

    @Test
    void disconnectingWhenNotConnectedChangesNothingButIsStillAudited() {
        service.disconnect(ADMIN);

        assertThat(ringCentral.revokes).hasValue(0);
        assertThat(connections.load()).isEmpty();
        assertDisconnectAudited("Nothing was connected");
    }

    @Test
    void aConnectionThatCannotBeReadAnyMoreIsStillForgotten() {
        connect();
        InMemoryConnectionStore unreadable = new InMemoryConnectionStore() {
            private boolean deleted;

            @Override
            public synchronized java.util.Optional<io.ringside.domain.RingCentralConnection> load() {
                if (!deleted) {
                    throw new IllegalStateException("encryption key changed");
                }
                return java.util.Optional.empty();
            }

            @Override
            public synchronized void delete() {
                deleted = true;
            }
        };

        new DisconnectRingCentralService(unreadable, ringCentral, new Auditor(audit, clock)).disconnect(ADMIN);

        assertThat(ringCentral.revokes).hasValue(0);
        assertThat(unreadable.load()).isEmpty();
        assertDisconnectAudited("The stored connection could not be read; deleted without revoking its tokens");
    }

    /** Exactly one entry, by the admin, from their address. */
    private void assertDisconnectAudited(String detail) {
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.RINGCENTRAL_DISCONNECTED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(ADMIN);
        assertThat(entry.at()).isEqualTo(T0);
        assertThat(entry.detail()).isEqualTo(detail);
    }
}
