package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.CallingParty;
import io.ringside.domain.Direction;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import io.ringside.domain.UnusableCallerId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCallersFeedListingTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final String ALICE = "+16025551234";
    private static final String BOB = "+16025550000";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, clock);
    private final RecentCallersFeed service =
            new RecentCallersFeed(keeper, ringCentral, RecentCallers.withDefaultWindow(), FeedSettings.DEFAULT, clock);

    private RingCentralConnection connect() {
        RingCentralConnection connection = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", clock.instant());
        connections.saveIfVersionMatches(connection);
        return connection;
    }

    private int requests() {
        return ringCentral.callLogRequests.get() + ringCentral.liveCallRequests.get()
                + ringCentral.refreshes.get() + ringCentral.exchanges.get();
    }

    // ---- not connected -----------------------------------------------------------------------

    @Test
    void notConnectedSaysSoWithoutAskingRingCentral() {
        RecentCallersResult result = service.list();

        assertThat(result.status()).isEqualTo(new FeedStatus.NotConnected());
        assertThat(result.callers()).isEmpty();
        assertThat(result.asOf()).isNull();
        assertThat(requests()).isZero();
    }

    @Test
    void reconnectNeededSaysSoWithoutAskingRingCentral() {
        connections.saveIfVersionMatches(connect().reconnectNeeded("invalid_grant"));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isEqualTo(new FeedStatus.ReconnectNeeded());
        assertThat(result.callers()).isEmpty();
        assertThat(requests()).isZero();
    }

    // ---- the list ----------------------------------------------------------------------------

    @Test
    void theListIsBuiltFromLiveCallsAndTheCallLogByThePolicy() {
        connect();
        clock.advance(Duration.ofMinutes(30));
        Instant now = clock.instant();
        ringCentral.setLiveCalls(List.of(call("live-1", "s-1", caller(ALICE, null), now.minusSeconds(20), CallState.RINGING)));
        ringCentral.logCall(call("log-2", "s-2", caller(BOB, "Bob"), now.minus(Duration.ofMinutes(10)), CallState.ENDED));
        ringCentral.logCall(call("log-3", "s-3", caller(ALICE, "Alice Jones"), now.minus(Duration.ofMinutes(40)), CallState.MISSED));
        ringCentral.logCall(call("log-4", "s-4", UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS),
                now.minus(Duration.ofMinutes(5)), CallState.ENDED));
        ringCentral.logCall(call("log-5", "s-5", caller("+15550009999", null), now.minus(Duration.ofMinutes(61)), CallState.ENDED));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(result.asOf()).isEqualTo(now);
        assertThat(result.window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(result.leftOut()).isEqualTo(1);
        assertThat(result.callers()).extracting(row -> row.caller().number().e164()).containsExactly(ALICE, BOB);
        RecentCaller alice = result.callers().getFirst();
        assertThat(alice.state()).isEqualTo(CallState.RINGING);
        assertThat(alice.callsInWindow()).isEqualTo(2);
        assertThat(alice.caller().name()).isEqualTo("Alice Jones");
        assertThat(ringCentral.liveCallRequests).hasValue(1);
        assertThat(ringCentral.callLogRequests).hasValue(1);
    }

    @Test
    void theCallLogIsAskedForCallsSinceTheWindowStart() {
        connect();
        clock.advance(Duration.ofMinutes(7));

        service.list();

        assertThat(ringCentral.lastCallLogSince).isEqualTo(clock.instant().minus(Duration.ofMinutes(60)));
    }

    @Test
    void aDueAccessTokenIsRefreshedBeforeAsking() {
        connect();
        clock.advance(Duration.ofMinutes(58));

        assertThat(service.list().status()).isEqualTo(new FeedStatus.Ok());
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(connections.load().orElseThrow().accessToken().value()).isEqualTo("access-2");
    }

    @Test
    void aRejectedAccessTokenIsRefreshedOnceAndTheRequestRetriedOnce() {
        RingCentralConnection connection = connect();
        ringCentral.logCall(call("log-1", "s-1", caller(BOB, null), T0.minusSeconds(60), CallState.ENDED));
        clock.advance(Duration.ofMinutes(10));
        ringCentral.rejectAccessToken(connection.accessToken());

        RecentCallersResult result = service.list();

        assertThat(result.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(result.callers()).hasSize(1);
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(ringCentral.liveCallRequests).hasValue(2); // the rejected one and the retry
        assertThat(ringCentral.callLogRequests).hasValue(1);
        assertThat(connections.load().orElseThrow().accessToken().value()).isEqualTo("access-2");
    }

    @Test
    void anAccessTokenRejectedAgainAfterTheRefreshIsNotRetriedInALoop() {
        connect();
        ringCentral.failNextCall(new AccessTokenRejectedException("OAU-128"));
        ringCentral.failNextCall(new AccessTokenRejectedException("OAU-128"));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isInstanceOf(FeedStatus.Unavailable.class);
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(ringCentral.liveCallRequests).hasValue(2);
    }

    @Test
    void aRefreshTokenRefusedAfterA401SaysReconnectNeeded() {
        RingCentralConnection connection = connect();
        ringCentral.rejectAccessToken(connection.accessToken());
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.INVALID_GRANT, "OAU-211", "Token not found"));

        assertThat(service.list().status()).isEqualTo(new FeedStatus.ReconnectNeeded());
    }

    // ---- when RingCentral cannot answer ------------------------------------------------------

    @Test
    void rateLimitedAfterAGoodListServesTheLastGoodCallersWithTheirAge() {
        connect();
        ringCentral.logCall(call("log-1", "s-1", caller(BOB, null), T0.minusSeconds(60), CallState.ENDED));
        RecentCallersResult good = service.list();
        clock.advance(Duration.ofSeconds(30));
        Instant until = clock.instant().plusSeconds(60);
        ringCentral.failNextCall(new RingCentralRateLimitedException("Heavy", until));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isEqualTo(new FeedStatus.RateLimitedUntil(until));
        assertThat(result.callers()).isEqualTo(good.callers()).hasSize(1);
        assertThat(result.asOf()).isEqualTo(T0);
    }

    @Test
    void whileRateLimitedRingCentralIsNotAskedUntilThePenaltyEnds() {
        connect();
        service.list();
        clock.advance(Duration.ofSeconds(21)); // old enough that a click asks RingCentral again
        Instant until = clock.instant().plusSeconds(60);
        ringCentral.failNextCall(new RingCentralRateLimitedException("Heavy", until));
        service.list();
        int asked = requests();

        // Every request during the penalty would restart it: none is sent.
        clock.advance(Duration.ofSeconds(59));
        assertThat(service.list().status()).isEqualTo(new FeedStatus.RateLimitedUntil(until));
        assertThat(requests()).isEqualTo(asked);

        clock.advance(Duration.ofSeconds(1));
        RecentCallersResult after = service.list();
        assertThat(after.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(after.asOf()).isEqualTo(until);
        assertThat(requests()).isGreaterThan(asked);
    }

    @Test
    void unavailableWithNoPreviousListIsEmptyAndUnavailable() {
        connect();
        ringCentral.failNextCall(new RingCentralUnavailableException("Connection refused"));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isInstanceOf(FeedStatus.Unavailable.class);
        assertThat(result.callers()).isEmpty();
        assertThat(result.asOf()).isNull();
    }

    @Test
    void unavailableAfterAGoodListKeepsTheGoodList() {
        connect();
        ringCentral.logCall(call("log-1", "s-1", caller(BOB, null), T0.minusSeconds(60), CallState.ENDED));
        service.list();
        clock.advance(Duration.ofSeconds(10));
        ringCentral.failNextCall(new RingCentralUnavailableException("Connection refused"));

        RecentCallersResult result = service.list();

        assertThat(result.status()).isInstanceOf(FeedStatus.Unavailable.class);
        assertThat(result.callers()).hasSize(1);
        assertThat(result.asOf()).isEqualTo(T0);
    }

    @Test
    void aMissingPermissionIsExplained() {
        connect();
        ringCentral.failNextCall(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.MISSING_PERMISSION, "CMN-401", "In order to call this API endpoint"));

        assertThat(service.list().status()).isInstanceOfSatisfying(FeedStatus.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains("permission"));
    }

    // ---- watching ----------------------------------------------------------------------------

    @Test
    void tickWithNoWatchersSendsNoRequest() {
        connect();
        clock.advance(Duration.ofMinutes(58)); // even a due refresh waits for someone to watch

        service.tick();
        service.tick();

        assertThat(requests()).isZero();
        assertThat(service.health().watchers()).isZero();
    }

    @Test
    void tickDeliversTheListToWatchers() {
        connect();
        ringCentral.setLiveCalls(List.of(call("live-1", "s-1", caller(ALICE, null), T0.minusSeconds(5), CallState.RINGING)));
        List<RecentCallersResult> first = new CopyOnWriteArrayList<>();
        List<RecentCallersResult> second = new CopyOnWriteArrayList<>();
        service.watch(first::add);
        service.watch(second::add);

        service.tick();

        assertThat(first).singleElement().satisfies(result -> {
            assertThat(result.status()).isEqualTo(new FeedStatus.Ok());
            assertThat(result.callers()).extracting(row -> row.caller().number().e164()).containsExactly(ALICE);
        });
        assertThat(second).isEqualTo(first);
        assertThat(ringCentral.liveCallRequests).hasValue(1); // one request for all watchers
    }

    @Test
    void aNewWatcherGetsTheLatestListAtOnce() {
        connect();
        service.watch(result -> { });
        service.tick();
        List<RecentCallersResult> late = new CopyOnWriteArrayList<>();

        service.watch(late::add);

        assertThat(late).hasSize(1);
        assertThat(late.getFirst().status()).isEqualTo(new FeedStatus.Ok());
    }

    @Test
    void aClosedSubscriptionGetsNothingMore() {
        connect();
        List<RecentCallersResult> received = new CopyOnWriteArrayList<>();
        WatchRecentCallers.Subscription subscription = service.watch(received::add);
        service.tick();
        assertThat(received).hasSize(1);

        subscription.close();
        service.tick();

        assertThat(received).hasSize(1);
        assertThat(service.health().watchers()).isZero();
        assertThat(ringCentral.liveCallRequests).hasValue(1); // nobody left to ask for
    }

    @Test
    void aFailingWatcherDoesNotStopTheOthers() {
        connect();
        List<RecentCallersResult> received = new CopyOnWriteArrayList<>();
        service.watch(result -> {
            throw new IllegalStateException("view detached");
        });
        service.watch(received::add);

        service.tick();
        ringCentral.setLiveCalls(List.of(call("live-1", "s-9", caller(ALICE, null), clock.instant(), CallState.RINGING)));
        clock.advance(Duration.ofSeconds(2));
        service.tick(); // the list changed: every watcher hears of it again

        assertThat(received).hasSize(2);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static InboundCall call(String id, String session, CallingParty from, Instant start, CallState state) {
        return new InboundCall(id, session, Direction.INBOUND, from, "+16025550100", start, state);
    }

    private static Caller caller(String number, String name) {
        return new Caller(PhoneNumber.of(number), name);
    }
}
