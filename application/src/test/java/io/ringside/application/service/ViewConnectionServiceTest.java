package io.ringside.application.service;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.RequestUsage;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class ViewConnectionServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final AtomicReference<Instant> lastSync = new AtomicReference<>();
    private final ViewConnectionService service = new ViewConnectionService(connections, ringCentral,
            () -> new FeedHealth(new FeedStatus.Ok(),
                    new LiveCallsHealth(LiveCallsHealth.Mode.PUSH_COMPANY, T0, null, T0.plusSeconds(20), 1, 1),
                    null, lastSync.get(),
                    List.of(new RequestUsage("Heavy", 10, 2, null, null), new RequestUsage("Light", 50, 7, null, null)), 1));

    @Test
    void notConnected() {
        ConnectionView view = service.view();

        assertThat(view.status()).isEqualTo(ConnectionView.Status.NOT_CONNECTED);
        assertThat(view.server()).isEqualTo(FakeRingCentral.SERVER);
        assertThat(view.ownerId()).isNull();
        assertThat(view.accessTokenValidUntil()).isNull();
    }

    @Test
    void connectedShowsWhoWhenAndUntilWhenButNoTokenValue() {
        RingCentralConnection first = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", T0);
        connections.saveIfVersionMatches(first);
        clock.advance(Duration.ofMinutes(56));
        Instant refreshedAt = clock.instant();
        RingCentralConnection refreshed = first.refreshed(ringCentral.nextTokens(), refreshedAt);
        connections.saveIfVersionMatches(refreshed);
        lastSync.set(refreshedAt.plusSeconds(5));

        ConnectionView view = service.view();

        assertThat(view.status()).isEqualTo(ConnectionView.Status.CONNECTED);
        assertThat(view.server()).isEqualTo(FakeRingCentral.SERVER);
        assertThat(view.ownerId()).isEqualTo("owner-42");
        assertThat(view.connectedBy()).isEqualTo("admin");
        assertThat(view.connectedAt()).isEqualTo(T0);
        assertThat(view.accessTokenValidUntil()).isEqualTo(refreshed.accessToken().expiresAt());
        assertThat(view.refreshTokenValidUntil()).isEqualTo(refreshed.refreshToken().expiresAt());
        assertThat(view.lastRefreshedAt()).isEqualTo(refreshedAt);
        assertThat(view.lastCallLogSync()).isEqualTo(refreshedAt.plusSeconds(5));
        assertThat(view.problem()).isNull();
        assertThat(view.toString())
                .contains("owner-42") // positive control: the view does print its fields
                .doesNotContain(refreshed.accessToken().value())
                .doesNotContain(refreshed.refreshToken().value())
                .doesNotContain("access-")
                .doesNotContain("refresh-");
    }

    @Test
    void reconnectNeededShowsTheProblemAndNoExpiries() {
        RingCentralConnection first = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", T0);
        connections.saveIfVersionMatches(first);
        connections.saveIfVersionMatches(first.reconnectNeeded("RingCentral no longer accepts Ringside's refresh token"));

        ConnectionView view = service.view();

        assertThat(view.status()).isEqualTo(ConnectionView.Status.RECONNECT_NEEDED);
        assertThat(view.problem()).isEqualTo("RingCentral no longer accepts Ringside's refresh token");
        assertThat(view.connectedBy()).isEqualTo("admin");
        assertThat(view.accessTokenValidUntil()).isNull();
        assertThat(view.refreshTokenValidUntil()).isNull();
    }

    @Test
    void anUnreadableStoredConnectionSaysReconnectNeededInsteadOfFailing() {
        InMemoryConnectionStore unreadable = new InMemoryConnectionStore() {
            @Override
            public java.util.Optional<RingCentralConnection> load() {
                throw new IllegalStateException("The stored RingCentral tokens cannot be decrypted: encryption key changed");
            }
        };
        ConnectionView view = new ViewConnectionService(unreadable, ringCentral, () -> null).view();

        assertThat(view.status()).isEqualTo(ConnectionView.Status.RECONNECT_NEEDED);
        assertThat(view.problem()).contains("encryption key changed");
    }

    @Test
    void theFeedsHealthIsShownWithTheConnection() {
        lastSync.set(T0.plusSeconds(30));
        ConnectionView view = service.view();

        assertThat(view.feed().requests()).extracting(RequestUsage::group, RequestUsage::sentInWindow)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Heavy", 2), org.assertj.core.groups.Tuple.tuple("Light", 7));
        assertThat(view.liveCalls().mode()).isEqualTo(LiveCallsHealth.Mode.PUSH_COMPANY);
        assertThat(view.lastCallLogSync()).isEqualTo(T0.plusSeconds(30));
    }
}
