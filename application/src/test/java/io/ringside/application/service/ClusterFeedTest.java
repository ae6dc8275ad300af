package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.out.SharedFeed;
import io.ringside.application.testing.FakeCallNotifications;
import io.ringside.application.testing.FakeOwnershipLock;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.InMemoryInstanceRegistry;
import io.ringside.application.testing.InMemorySharedCalls;
import io.ringside.application.testing.LoopbackSignals;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CallBoard;
import io.ringside.domain.CallEvent;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PartyStatus;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Ringside instances on one database: one owns RingCentral and shares its feed, the other mirrors it. Each has
 * its own push session, its own requests to RingCentral's call endpoints (counted apart) and its own pages; they
 * share the stored connection, the ownership lock, the shared feed, the signals and the heartbeats.
 */
class ClusterFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Caller PAT = new Caller(new PhoneNumber("+16025551234"), "Pat Doe");
    private static final Caller LEE = new Caller(new PhoneNumber("+16025559876"), "Lee Ames");
    private static final Extension JORDAN = new Extension("62264425003", "103", "Jordan Lee");

    private final MutableClock clock = new MutableClock(T0);
    private final RecentCallers policy = RecentCallers.withDefaultWindow();
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeOwnershipLock lock = new FakeOwnershipLock();
    private final InMemorySharedCalls shared = new InMemorySharedCalls();
    private final LoopbackSignals signals = new LoopbackSignals();
    private final InMemoryInstanceRegistry registry = new InMemoryInstanceRegistry();
    private final FakeRingCentral admin = new FakeRingCentral(clock);

    /** One Ringside instance, wired as bootstrap wires it. */
    private final class Node {
        final String id;
        final FakeOwnershipLock.Session session = lock.session();
        final Ownership ownership = new Ownership(session, clock);
        /** RingCentral as this instance reaches it: its requests are counted here. */
        final FakeRingCentral ringCentral = new FakeRingCentral(clock);
        final FakeCallNotifications push = new FakeCallNotifications();
        final Watchers watchers = new Watchers();
        final RecentCallersBoard board = new RecentCallersBoard(new CallBoard(policy), watchers, clock);
        final ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT,
                new Auditor(new InMemoryAuditLog(), clock), clock, ownership, clock::advance);
        final AuthenticatedRingCentral authenticated = new AuthenticatedRingCentral(keeper, ringCentral);
        final PushLink pushLink = new PushLink(push, authenticated, board, clock);
        final CallSync sync = new CallSync(authenticated, board, policy, clock);
        final CallFeedScheduler scheduler;
        final FeedPublisher publisher = new FeedPublisher(shared, signals, ownership, clock, Runnable::run);
        final FeedMirror mirror = new FeedMirror(shared, board, ownership);
        final InstanceHeartbeat heartbeat;
        final LoopbackSignals.Listener listening;
        final List<RecentCallersResult> seen = new CopyOnWriteArrayList<>();
        boolean alive = true;

        Node(String id) {
            this.id = id;
            this.scheduler = new CallFeedScheduler(keeper, pushLink, sync, board, ownership,
                    new ClusterAudience(watchers, registry, id, clock), FeedSettings.DEFAULT, clock);
            this.heartbeat = new InstanceHeartbeat(registry, ownership, watchers, id, "host-" + id, clock);
            board.onPublish(publisher::publish);
            listening = signals.listen(mirror::signalled, mirror::reconnected);
        }

        /** What bootstrap's schedules do in one second. */
        void second(long elapsed) {
            if (!alive) {
                return;
            }
            if (elapsed % 2 == 0) {
                ownership.tick();
            }
            if (elapsed % 60 == 0) {
                ownership.ifOwner(keeper::refreshIfDue);
            }
            scheduler.tick();
            if (elapsed % 5 == 0) {
                heartbeat.beat();
            }
            if (elapsed % 15 == 0) {
                mirror.tick();
            }
        }

        void watch() {
            watchers.watch(seen::add);
        }

        /** kill -9: nothing runs any more, and the database ends its session. */
        void die() {
            alive = false;
            session.end();
            listening.close();
        }

        List<InboundCall> calls() {
            return board.snapshot().calls();
        }
    }

    private Node a;
    private Node b;
    private long elapsed;

    @BeforeEach
    void twoInstancesOnOneDatabase() {
        connections.saveIfVersionMatches(RingCentralConnection.establish(admin.nextTokens(), "admin", T0));
        a = new Node("a");
        a.ownership.tick();
        b = new Node("b");
        b.ownership.tick();
        assertThat(a.ownership.isOwner()).isTrue();
        assertThat(b.ownership.isOwner()).isFalse();
    }

    private void tickFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(1));
            elapsed++;
            a.second(elapsed);
            b.second(elapsed);
        }
    }

    private static CallEvent ringingAt(Extension extension, String session, Instant at, Caller caller) {
        return new CallEvent(session, 1, at, "p-" + session, Direction.INBOUND, caller, "+16505550100",
                extension, PartyStatus.PROCEEDING, false);
    }

    private static void assertSameList(Node follower, Node owner) {
        assertThat(new HashSet<>(follower.calls())).isEqualTo(new HashSet<>(owner.calls()));
        assertThat(follower.board.list().callers()).isEqualTo(owner.board.list().callers());
        assertThat(follower.board.list().status()).isEqualTo(owner.board.list().status());
    }

    /** The owner's push is up and has told of a call ringing at Jordan's desk. */
    private void ownerShowsARingingCall() {
        tickFor(Duration.ofSeconds(1));
        a.push.subscribed();
        a.push.push(ringingAt(JORDAN, "s-1", clock.instant(), PAT));
    }

    @Test
    void theFollowerNeverOpensPushNorAsksRingCentralForCallsEvenWithPagesOpen() {
        b.watch();

        tickFor(Duration.ofMinutes(10));

        assertThat(b.push.opened).hasValue(0);
        assertThat(b.ringCentral.callLogRequests).hasValue(0);
        assertThat(b.ringCentral.liveCallRequests).hasValue(0);
        assertThat(a.push.opened).hasValue(1);
        assertThat(a.ringCentral.callLogRequests.get()).isPositive();
    }

    @Test
    void aCallRingingAtTheOwnerReachesTheFollowersPageAtOnce() {
        b.watch();
        ownerShowsARingingCall();

        assertThat(b.seen.getLast().callers()).extracting(RecentCaller::caller, RecentCaller::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PAT, CallState.RINGING));
        assertThat(b.calls().getFirst().ringingAt()).containsExactly(JORDAN);
        assertSameList(b, a);
    }

    @Test
    void aFollowerThatMissedSignalsCatchesUpWhenListeningReconnects() {
        ownerShowsARingingCall();
        b.listening.dropConnection();
        a.push.push(ringingAt(JORDAN, "s-2", clock.instant(), LEE));
        assertThat(b.calls()).hasSize(1);

        b.listening.reconnect();

        assertThat(b.calls()).hasSize(2);
        assertSameList(b, a);
    }

    @Test
    void aFollowerThatMissedASignalCatchesUpAtTheSafetyTick() {
        ownerShowsARingingCall();
        b.listening.dropConnection(); // and nobody notices: no reconnect
        a.push.push(ringingAt(JORDAN, "s-2", clock.instant(), LEE));

        tickFor(Duration.ofSeconds(15));

        assertThat(b.calls()).hasSize(2);
        assertSameList(b, a);
    }

    @Test
    void theFollowerShowsWhyTheOwnerHasNoCalls() {
        b.watch();
        connections.delete();

        tickFor(Duration.ofSeconds(2));

        assertThat(b.board.list().status()).isEqualTo(new FeedStatus.NotConnected());
        assertThat(shared.read()).get().extracting(SharedFeed::state).isEqualTo(SharedFeed.State.NOT_CONNECTED);
        assertThat(b.seen.getLast().status()).isEqualTo(new FeedStatus.NotConnected());
    }

    @Test
    void anOwnerThatLosesItsLockClosesPushAtOnceAndTheOtherTakesOver() {
        ownerShowsARingingCall();
        assertThat(a.push.isOpen()).isTrue();

        a.session.breakConnection();
        tickFor(Duration.ofSeconds(2));

        assertThat(a.ownership.isOwner()).isFalse();
        assertThat(a.push.isOpen()).isFalse();
        tickFor(Duration.ofSeconds(2));
        assertThat(b.ownership.isOwner()).isTrue();
        assertThat(b.push.isOpen()).isTrue();
    }

    @Test
    void aFollowerTakingOverWithTheOwnersCurrentFeedReadsTheCallLogOnceAfterItsSubscriptionNotAlsoAtOnce() {
        ownerShowsARingingCall();
        tickFor(Duration.ofSeconds(2));
        assertThat(b.board.status()).isInstanceOf(io.ringside.application.port.in.FeedStatus.Ok.class);

        a.die();
        tickFor(Duration.ofSeconds(20));

        assertThat(b.ownership.isOwner()).isTrue();
        assertThat(b.push.opened).hasValue(1);
        // Quick takeovers in a row must not each read the history at once (RingCentral's Heavy limit is per account).
        assertThat(b.ringCentral.callLogRequests).as("no history read at the takeover").hasValue(0);

        b.push.subscribed();
        tickFor(Duration.ofSeconds(40));
        assertThat(b.ringCentral.callLogRequests.get()).as("the catch-up after the fresh subscription").isPositive();
    }

    @Test
    void whenTheOwnerDiesTheFollowerTakesOverOpensPushReadsHistoryAndKeepsTheCallsItShowed() {
        b.watch();
        ownerShowsARingingCall();
        b.ringCentral.logCall(new InboundCall("rec-0", "s-0", Direction.INBOUND, LEE, null, clock.instant().minusSeconds(300),
                CallState.MISSED));
        Instant died = clock.instant();

        a.die();
        tickFor(Duration.ofSeconds(4));

        assertThat(b.ownership.isOwner()).isTrue();
        assertThat(b.ownership.ownerSince()).isBefore(died.plusSeconds(30));
        assertThat(b.push.opened).hasValue(1);
        assertThat(b.ringCentral.callLogRequests.get()).isPositive();
        assertThat(b.board.list().callers()).extracting(RecentCaller::caller).containsExactlyInAnyOrder(PAT, LEE);
        // Its feed is the shared one now.
        assertThat(shared.read().orElseThrow().calls()).extracting(InboundCall::sessionKey).contains("s-0", "s-1");
    }

    @Test
    void theOwnerPollsWhileAPageIsOpenOnAnotherInstanceAndNotOnceItCloses() {
        tickFor(Duration.ofSeconds(1));
        a.push.subscribedToConnectedExtensionOnly("Add the CallControl permission to the RingCentral app");
        tickFor(Duration.ofMinutes(2));
        int readsUnwatched = a.ringCentral.callLogRequests.get();
        tickFor(Duration.ofMinutes(2));
        assertThat(a.ringCentral.callLogRequests).hasValue(readsUnwatched);

        b.watch();
        tickFor(Duration.ofMinutes(2));

        assertThat(a.ringCentral.callLogRequests.get()).isGreaterThanOrEqualTo(readsUnwatched + 4);
        assertThat(b.ringCentral.callLogRequests).hasValue(0);
    }

    @Test
    void onlyTheOwnerRefreshesTheTokenHoursOnAndTheFollowerAlwaysHasAUsableOne() {
        for (int hour = 0; hour < 3; hour++) {
            tickFor(Duration.ofMinutes(60));
            io.ringside.domain.AccessToken used = b.authenticated.withAccessToken(token -> token);
            assertThat(used.isExpiredAt(clock.instant())).isFalse();
        }

        assertThat(a.ringCentral.refreshes.get()).isGreaterThanOrEqualTo(3);
        assertThat(b.ringCentral.refreshes).hasValue(0);
    }

    @Test
    void theFollowersPagesGetTheOwnersAgeOfTheListAndAreNotToldTwiceOfTheSameFeed() {
        b.watch();
        ownerShowsARingingCall();
        tickFor(Duration.ofSeconds(3));
        int told = b.seen.size();

        b.mirror.tick();
        b.listening.reconnect();

        assertThat(b.seen).hasSize(told);
        // As of the owner's last publish: at most a heartbeat behind the owner's own pages.
        assertThat(b.board.list().asOf()).isEqualTo(shared.read().orElseThrow().asOf()).isNotNull();
        assertThat(Duration.between(b.board.list().asOf(), a.board.list().asOf())).isLessThanOrEqualTo(RecentCallersBoard.HEARTBEAT);
    }

    /**
     * The new owner showed the call as the old owner last told it (connected, with Jordan); that was only the old
     * owner's word, so when the new owner's own push says the call ended, it ended, there and on every mirror.
     */
    @Test
    void aCallConnectedAtTakeoverEndsOnTheNewOwnerWhenPushSaysSo() {
        ownerShowsARingingCall();
        a.push.push(new CallEvent("s-1", 2, clock.instant(), "p-s-1", Direction.INBOUND, PAT, "+16505550100", JORDAN,
                PartyStatus.ANSWERED, false));
        assertThat(b.calls()).singleElement().satisfies(call -> {
            assertThat(call.state()).isEqualTo(CallState.CONNECTED);
            assertThat(call.answeredBy()).isEqualTo(JORDAN);
        });

        a.die();
        tickFor(Duration.ofSeconds(4));
        assertThat(b.ownership.isOwner()).isTrue();
        b.push.subscribed();
        assertThat(b.calls()).singleElement().extracting(InboundCall::state).isEqualTo(CallState.CONNECTED);

        b.push.push(new CallEvent("s-1", 3, clock.instant(), "p-s-1", Direction.INBOUND, PAT, "+16505550100", JORDAN,
                PartyStatus.DISCONNECTED, false));

        assertThat(b.calls()).singleElement().satisfies(call -> {
            assertThat(call.state()).isEqualTo(CallState.ENDED);
            assertThat(call.answeredBy()).isEqualTo(JORDAN);
        });
        assertThat(b.board.list().callers()).extracting(RecentCaller::caller, RecentCaller::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PAT, CallState.ENDED));
        assertThat(shared.read().orElseThrow().calls()).extracting(InboundCall::state).containsExactly(CallState.ENDED);
    }
}
