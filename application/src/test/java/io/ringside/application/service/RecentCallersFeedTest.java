package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class RecentCallersFeedTest {

    private static final Instant START = Instant.parse("2026-11-22T15:00:00Z");
    private static final PhoneNumber ALICE = PhoneNumber.of("+16025551234");
    private static final PhoneNumber BOB = PhoneNumber.of("+442079460958");

    private final MutableClock clock = new MutableClock(START);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private SlowCallLog ringCentral;
    private RecentCallersFeed feed;

    /** A call log that can be made to wait, so concurrent clicks really overlap. */
    static final class SlowCallLog extends FakeRingCentral {
        volatile CountDownLatch release = new CountDownLatch(0);
        final CountDownLatch entered = new CountDownLatch(1);

        SlowCallLog(MutableClock clock) {
            super(clock);
        }

        @Override
        public List<InboundCall> callLog(AccessToken accessToken, Instant since) {
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return super.callLog(accessToken, since);
        }
    }

    @BeforeEach
    void connect() {
        ringCentral = new SlowCallLog(clock);
        connections.saveIfVersionMatches(RingCentralConnection.establish(ringCentral.nextTokens(), "admin", START));
        ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, clock);
        feed = new RecentCallersFeed(keeper, ringCentral, RecentCallers.withDefaultWindow(), FeedSettings.DEFAULT, clock);
    }

    private static InboundCall call(String session, PhoneNumber from, Instant start, CallState state) {
        return new InboundCall("rec-" + session + "-" + state, session, Direction.INBOUND, Caller.of(from), null, start, state);
    }

    @Test
    void twoHundredSimultaneousClicksMakeOneCallLogRequest() throws Exception {
        ringCentral.release = new CountDownLatch(1);
        ringCentral.logCall(call("s1", ALICE, START.minusSeconds(300), CallState.ENDED));
        ExecutorService clicks = Executors.newFixedThreadPool(200);
        try {
            List<Future<RecentCallersResult>> results = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                results.add(clicks.submit(feed::list));
            }
            assertThat(ringCentral.entered.await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // let the other 199 clicks arrive while the first request is under way
            ringCentral.release.countDown();
            for (Future<RecentCallersResult> result : results) {
                assertThat(result.get(10, TimeUnit.SECONDS).callers()).extracting(row -> row.caller().number()).containsExactly(ALICE);
            }
        } finally {
            clicks.shutdownNow();
        }
        assertThat(ringCentral.callLogRequests.get()).isEqualTo(1);
        assertThat(ringCentral.liveCallRequests.get()).isEqualTo(1);
    }

    @Test
    void nobodyWatchingMeansNoRequestsAtAll() {
        for (int i = 0; i < 100; i++) {
            feed.tick();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(ringCentral.callLogRequests.get()).isZero();
        assertThat(ringCentral.liveCallRequests.get()).isZero();
    }

    @Test
    void watchedFeedReadsPresenceEveryTickAndTheCallLogEveryTwentySeconds() {
        List<RecentCallersResult> seen = Collections.synchronizedList(new ArrayList<>());
        feed.watch(seen::add);
        for (int second = 0; second < 60; second += 2) {
            feed.tick();
            clock.advance(Duration.ofSeconds(2));
        }
        assertThat(ringCentral.liveCallRequests.get()).isEqualTo(30);
        assertThat(ringCentral.callLogRequests.get()).isEqualTo(3);
        assertThat(seen).isNotEmpty();
    }

    @Test
    void heavyBudgetIsNeverExceededWhateverTheClicks() {
        // a click every 100 ms for 3 minutes, each finding the call log old only if 20 s passed:
        // a feed configured for far more often would still be capped by the budget
        FeedSettings eager = new FeedSettings(Duration.ofMillis(100), Duration.ofMillis(100), Duration.ofSeconds(30), 6,
                Duration.ofMinutes(2), Duration.ofSeconds(5));
        ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, clock);
        RecentCallersFeed eagerFeed = new RecentCallersFeed(keeper, ringCentral, RecentCallers.withDefaultWindow(), eager, clock);
        List<Instant> callLogTimes = new ArrayList<>();
        for (int i = 0; i < 1800; i++) {
            int before = ringCentral.callLogRequests.get();
            eagerFeed.list();
            if (ringCentral.callLogRequests.get() > before) {
                callLogTimes.add(clock.instant());
            }
            clock.advance(Duration.ofMillis(100));
        }
        assertThat(callLogTimes).hasSizeGreaterThanOrEqualTo(18);
        for (int i = 6; i < callLogTimes.size(); i++) {
            assertThat(Duration.between(callLogTimes.get(i - 6), callLogTimes.get(i)))
                    .as("7 call-log requests must span more than a minute")
                    .isGreaterThan(Duration.ofMinutes(1));
        }
    }

    @Test
    void aCallMovesFromRingingToOnCallToEndedInOneRow() {
        feed.watch(result -> { });
        Instant rang = START.minusSeconds(5);
        ringCentral.setLiveCalls(List.of(call("s7", ALICE, rang, CallState.RINGING)));
        feed.tick();
        assertThat(feed.list().callers()).extracting(RecentCaller::state).containsExactly(CallState.RINGING);

        clock.advance(Duration.ofSeconds(2));
        ringCentral.setLiveCalls(List.of(call("s7", ALICE, rang, CallState.CONNECTED)));
        feed.tick();
        assertThat(feed.list().callers()).extracting(RecentCaller::state).containsExactly(CallState.CONNECTED);

        clock.advance(Duration.ofSeconds(2));
        ringCentral.setLiveCalls(List.of());
        feed.tick();
        RecentCallersResult afterHangUp = feed.list();
        assertThat(afterHangUp.callers()).hasSize(1);
        assertThat(afterHangUp.callers().getFirst().state()).isEqualTo(CallState.ENDED);
        assertThat(afterHangUp.callers().getFirst().callsInWindow()).isEqualTo(1);

        // the call-log record arrives later, for the same session: still one row, one call
        ringCentral.logCall(call("s7", ALICE, rang, CallState.ENDED));
        int callLogBefore = ringCentral.callLogRequests.get();
        clock.advance(Duration.ofSeconds(31));
        feed.tick();
        assertThat(ringCentral.callLogRequests.get()).as("the call log is read again after the call ended").isGreaterThan(callLogBefore);
        assertThat(feed.list().callers()).singleElement()
                .satisfies(row -> assertThat(row.callsInWindow()).isEqualTo(1));
    }

    @Test
    void aRingingCallerIsVisibleWithinOneTickOfRinging() {
        List<RecentCallersResult> seen = Collections.synchronizedList(new ArrayList<>());
        feed.watch(seen::add);
        feed.tick();
        ringCentral.setLiveCalls(List.of(call("s9", BOB, clock.instant(), CallState.RINGING)));
        clock.advance(Duration.ofSeconds(2));
        feed.tick();
        assertThat(seen.getLast().callers()).extracting(row -> row.caller().number()).containsExactly(BOB);
    }

    @Test
    void duringA429PenaltyNothingIsSentAndTheLastListIsServedWithItsAge() {
        ringCentral.logCall(call("s1", ALICE, START.minusSeconds(60), CallState.ENDED));
        RecentCallersResult good = feed.list();
        assertThat(good.status()).isEqualTo(new FeedStatus.Ok());

        Instant penaltyEnd = START.plusSeconds(90);
        clock.advance(Duration.ofSeconds(21));
        ringCentral.failNextCall(new RingCentralRateLimitedException("Light", penaltyEnd));
        RecentCallersResult limited = feed.list();
        assertThat(limited.status()).isEqualTo(new FeedStatus.RateLimitedUntil(penaltyEnd));
        assertThat(limited.callers()).extracting(row -> row.caller().number()).containsExactly(ALICE);
        assertThat(limited.asOf()).isEqualTo(good.asOf());

        int requestsAtPenalty = ringCentral.liveCallRequests.get() + ringCentral.callLogRequests.get();
        feed.watch(result -> { });
        for (int i = 0; i < 30; i++) {
            clock.advance(Duration.ofSeconds(2));
            if (clock.instant().isBefore(penaltyEnd)) {
                feed.list();
                feed.tick();
            }
        }
        assertThat(ringCentral.liveCallRequests.get() + ringCentral.callLogRequests.get()).isEqualTo(requestsAtPenalty);

        clock.set(penaltyEnd.plusSeconds(1));
        assertThat(feed.list().status()).isEqualTo(new FeedStatus.Ok());
    }

    @Test
    void whenRingCentralIsDownTheLastSnapshotIsServedWithItsAgeAndReason() {
        ringCentral.logCall(call("s1", ALICE, START.minusSeconds(60), CallState.ENDED));
        Instant firstSync = feed.list().asOf();
        clock.advance(Duration.ofSeconds(40));
        ringCentral.failNextCall(new RingCentralUnavailableException("RingCentral answered 503"));
        RecentCallersResult stale = feed.list();
        assertThat(stale.status()).isInstanceOf(FeedStatus.Unavailable.class);
        assertThat(((FeedStatus.Unavailable) stale.status()).reason()).contains("503");
        assertThat(stale.asOf()).isEqualTo(firstSync);
        assertThat(Duration.between(stale.asOf(), clock.instant())).isEqualTo(Duration.ofSeconds(40));
        assertThat(stale.callers()).hasSize(1);
    }

    @Test
    void a401RefreshesOnceAndRetriesOnce() {
        AccessToken first = connections.load().orElseThrow().accessToken();
        ringCentral.rejectAccessToken(first);
        RecentCallersResult result = feed.list();
        assertThat(result.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(ringCentral.refreshes.get()).isEqualTo(1);
        assertThat(ringCentral.liveCallRequests.get()).isEqualTo(2);
        assertThat(connections.load().orElseThrow().accessToken()).isNotEqualTo(first);
    }

    @Test
    void notConnectedSaysSoWithoutAskingRingCentral() {
        connections.delete();
        RecentCallersResult result = feed.list();
        assertThat(result.status()).isEqualTo(new FeedStatus.NotConnected());
        assertThat(ringCentral.liveCallRequests.get() + ringCentral.callLogRequests.get()).isZero();
    }

    @Test
    void aClosedSubscriptionHearsNothingMore() {
        List<RecentCallersResult> seen = Collections.synchronizedList(new ArrayList<>());
        WatchRecentCallers.Subscription subscription = feed.watch(seen::add);
        feed.tick();
        int heard = seen.size();
        subscription.close();
        clock.advance(Duration.ofSeconds(30));
        feed.tick();
        assertThat(seen).hasSize(heard);
    }

    @Test
    void clicksDoNotEachAskForLiveCallsWhileTheCallLogIsDueButTheHeavyBudgetIsSpent() {
        FeedSettings oneHeavyPerMinute = new FeedSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(30), 1,
                Duration.ofMinutes(2), Duration.ofSeconds(5));
        ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, clock);
        RecentCallersFeed tightFeed = new RecentCallersFeed(keeper, ringCentral, RecentCallers.withDefaultWindow(), oneHeavyPerMinute, clock);
        tightFeed.list(); // spends the one Heavy request of this minute
        clock.advance(Duration.ofSeconds(11)); // the call log is due again, the budget says no
        tightFeed.list(); // live calls are old: one presence read
        int liveReadsBefore = ringCentral.liveCallRequests.get();

        for (int i = 0; i < 50; i++) {
            tightFeed.list();
        }

        assertThat(ringCentral.liveCallRequests.get()).isEqualTo(liveReadsBefore);
        assertThat(ringCentral.callLogRequests.get()).isEqualTo(1);
    }

    @Test
    void whileWatchedAClickLeavesTheCallLogToTheTickUnlessTheTickFellBehind() {
        feed.watch(result -> { });
        for (int second = 0; second <= 18; second += 2) { // the scheduler's ticks: the call log is read at 0 s
            feed.tick();
            clock.advance(Duration.ofSeconds(2));
        }
        int callLogReads = ringCentral.callLogRequests.get();
        assertThat(callLogReads).isEqualTo(1);

        // 20 s: the log is 20 s old and the tick due now will read it; the click does not race it
        feed.list();
        assertThat(ringCentral.callLogRequests.get()).isEqualTo(callLogReads);

        // no tick since 18 s: at 24 s the tick has fallen behind, and the click reads RingCentral itself
        clock.advance(Duration.ofSeconds(4));
        feed.list();
        assertThat(ringCentral.callLogRequests.get()).isEqualTo(callLogReads + 1);
    }
}
