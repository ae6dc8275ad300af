package io.ringside.application.service;

import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.out.AdminAlerts;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.LinkIncident;
import io.ringside.domain.LinkIncident.Cause;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the admins hear that the RingCentral link broke: once per incident (by mail), and for as long
 * as it lasts (the console's banner), with the real connection view over an in-memory store.
 */
class LinkWatchTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration PUSH_DOWN_AFTER = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(T0);
    private final UnreadableWhenAsked connections = new UnreadableWhenAsked();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private volatile LiveCallsHealth live = pushLiveSince(T0);
    private final ViewConnectionService view = new ViewConnectionService(connections, ringCentral,
            () -> new FeedHealth(new FeedStatus.Ok(), live, null, null, List.of(), 0));
    private final RecordingAlerts alerts = new RecordingAlerts();
    private final LinkWatch watch = new LinkWatch(view, alerts, PUSH_DOWN_AFTER, true, clock);
    private final List<Optional<LinkIncident>> banner = new CopyOnWriteArrayList<>();

    /** A store whose connection can become unreadable, as with a changed encryption key. */
    static final class UnreadableWhenAsked extends InMemoryConnectionStore {
        volatile RuntimeException failure;

        void failLoadsWith(RuntimeException loadFailure) {
            failure = loadFailure;
        }

        @Override
        public synchronized Optional<RingCentralConnection> load() {
            if (failure != null) {
                throw failure;
            }
            return super.load();
        }
    }

    static final class RecordingAlerts implements AdminAlerts {
        final List<LinkIncident> sent = new CopyOnWriteArrayList<>();
        int failuresToCome;
        int attempts;

        @Override
        public void linkBroken(LinkIncident incident) {
            attempts++;
            if (failuresToCome > 0) {
                failuresToCome--;
                throw new IllegalStateException("SMTP server not reachable");
            }
            sent.add(incident);
        }
    }

    private static LiveCallsHealth pushLiveSince(Instant since) {
        return new LiveCallsHealth(LiveCallsHealth.Mode.PUSH_COMPANY, since, null, null, 0, 0);
    }

    private static LiveCallsHealth pushDownSince(Instant since, String reason) {
        return new LiveCallsHealth(LiveCallsHealth.Mode.POLLING, since, reason, null, 0, 0);
    }

    private RingCentralConnection connect() {
        RingCentralConnection connection = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", clock.instant());
        connections.delete();
        connections.saveIfVersionMatches(connection);
        return connection;
    }

    private void refreshTokenRefused(RingCentralConnection connection) {
        connections.saveIfVersionMatches(connection.reconnectNeeded("RingCentral no longer accepts Ringside's refresh token"));
    }

    private void tickFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(15));
            watch.tick();
        }
    }

    @Test
    void notConnectedIsNoIncident() {
        watch.watch(banner::add);

        tickFor(Duration.ofHours(1));

        assertThat(alerts.sent).isEmpty();
        assertThat(watch.current()).isEmpty();
        assertThat(banner).containsExactly(Optional.empty());
    }

    @Test
    void aRefusedRefreshTokenAlertsOnceAndShowsUntilAnAdminConnectsAgain() {
        RingCentralConnection connection = connect();
        watch.watch(banner::add);
        tickFor(Duration.ofMinutes(1));
        refreshTokenRefused(connection);

        tickFor(Duration.ofHours(2));

        assertThat(alerts.sent).singleElement().satisfies(incident -> {
            assertThat(incident.cause()).isEqualTo(Cause.RECONNECT_NEEDED);
            assertThat(incident.explanation()).contains("RingCentral needs to be connected again")
                    .contains("RingCentral no longer accepts Ringside's refresh token").contains("Connect RingCentral");
        });
        assertThat(watch.current()).map(LinkIncident::cause).hasValue(Cause.RECONNECT_NEEDED);
        assertThat(banner).hasSize(2).last().isEqualTo(Optional.of(alerts.sent.get(0)));

        connect();
        watch.tick();

        assertThat(watch.current()).isEmpty();
        assertThat(banner).last().isEqualTo(Optional.empty());
        assertThat(alerts.sent).hasSize(1);
    }

    @Test
    void brokenAgainAfterAFixIsANewIncidentWithANewAlert() {
        RingCentralConnection first = connect();
        watch.tick();
        refreshTokenRefused(first);
        tickFor(Duration.ofMinutes(30));
        RingCentralConnection second = connect();
        tickFor(Duration.ofMinutes(30));
        assertThat(alerts.sent).hasSize(1);

        refreshTokenRefused(second);
        tickFor(Duration.ofMinutes(30));

        assertThat(alerts.sent).extracting(LinkIncident::cause).containsExactly(Cause.RECONNECT_NEEDED, Cause.RECONNECT_NEEDED);
        assertThat(alerts.sent.get(1).since()).isAfter(alerts.sent.get(0).since());
    }

    @Test
    void anUnreadableConnectionIsReconnectNeeded() {
        connect();
        watch.tick();
        connections.failLoadsWith(new IllegalStateException("encryption key changed"));

        watch.tick();

        assertThat(alerts.sent).singleElement().satisfies(incident -> {
            assertThat(incident.cause()).isEqualTo(Cause.RECONNECT_NEEDED);
            assertThat(incident.explanation()).contains("encryption key changed");
        });
    }

    @Test
    void pushDownForTenMinutesIsAnIncidentNineIsNot() {
        connect();
        watch.tick();
        Instant dropped = clock.instant();
        live = pushDownSince(dropped, "Push connection lost, reconnecting: connection reset");

        tickFor(Duration.ofMinutes(9));
        assertThat(alerts.sent).isEmpty();
        assertThat(watch.current()).isEmpty();

        tickFor(Duration.ofMinutes(2));
        assertThat(alerts.sent).singleElement().satisfies(incident -> {
            assertThat(incident.cause()).isEqualTo(Cause.PUSH_DOWN);
            assertThat(incident.since()).isEqualTo(dropped);
            assertThat(incident.explanation()).contains("push has been down for more than 10 min")
                    .contains("connection reset");
        });

        tickFor(Duration.ofHours(3));
        assertThat(alerts.sent).hasSize(1);

        live = pushLiveSince(clock.instant());
        watch.tick();
        assertThat(watch.current()).isEmpty();
    }

    @Test
    void aNewReasonUpdatesTheBannerWithoutAnotherAlert() {
        connect();
        watch.tick();
        watch.watch(banner::add);
        live = pushDownSince(clock.instant(), "Push connection lost, reconnecting: connection reset");
        tickFor(Duration.ofMinutes(11));

        live = pushDownSince(live.since(), "Push connection lost, reconnecting: gateway answered 503");
        tickFor(Duration.ofMinutes(1));

        assertThat(alerts.sent).hasSize(1);
        assertThat(banner).hasSize(3);
        assertThat(banner.get(2)).hasValueSatisfying(incident ->
                assertThat(incident.explanation()).contains("gateway answered 503"));
    }

    @Test
    void aFreshConnectionGetsTheFullTimeToSubscribeHoweverLongPushWasDownBefore() {
        RingCentralConnection first = connect();
        watch.tick();
        refreshTokenRefused(first);
        // Push closed when the connection broke, and has not been live since.
        live = pushDownSince(clock.instant(), "RingCentral needs to be connected again");
        tickFor(Duration.ofHours(5));
        connect();

        tickFor(Duration.ofMinutes(9));

        assertThat(watch.current()).isEmpty();
        assertThat(alerts.sent).extracting(LinkIncident::cause).containsExactly(Cause.RECONNECT_NEEDED);
    }

    @Test
    void pushSwitchedOffIsNoIncident() {
        LinkWatch withoutPush = new LinkWatch(view, alerts, PUSH_DOWN_AFTER, false, clock);
        connect();
        live = pushDownSince(clock.instant(), "Push is switched off (ringcentral.push-enabled=false)");

        for (int i = 0; i < 100; i++) {
            clock.advance(Duration.ofMinutes(1));
            withoutPush.tick();
        }

        assertThat(alerts.sent).isEmpty();
        assertThat(withoutPush.current()).isEmpty();
    }

    @Test
    void pushDownThenReconnectNeededIsANewIncident() {
        RingCentralConnection connection = connect();
        watch.tick();
        live = pushDownSince(clock.instant(), "Push connection lost, reconnecting: connection reset");
        tickFor(Duration.ofMinutes(11));

        refreshTokenRefused(connection);
        tickFor(Duration.ofMinutes(5));

        assertThat(alerts.sent).extracting(LinkIncident::cause).containsExactly(Cause.PUSH_DOWN, Cause.RECONNECT_NEEDED);
    }

    @Test
    void aFailedAlertIsTriedAgainAfterFiveMinutesNotEveryTick() {
        RingCentralConnection connection = connect();
        watch.tick();
        alerts.failuresToCome = 1;
        refreshTokenRefused(connection);

        tickFor(Duration.ofMinutes(4));
        assertThat(alerts.attempts).isEqualTo(1);
        assertThat(alerts.sent).isEmpty();
        assertThat(watch.current()).as("the banner does not wait for the mail").isPresent();

        tickFor(Duration.ofMinutes(2));
        assertThat(alerts.attempts).isEqualTo(2);
        assertThat(alerts.sent).hasSize(1);

        tickFor(Duration.ofHours(1));
        assertThat(alerts.attempts).isEqualTo(2);
    }
}
