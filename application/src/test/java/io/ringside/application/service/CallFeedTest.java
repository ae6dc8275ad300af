package io.ringside.application.service;

import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeCallNotifications;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** The rebuilt caller feed end to end inside the application: push link, sync, board, scheduler, watchers. */
class CallFeedTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Caller PAT = new Caller(new PhoneNumber("+16025551234"), "Pat Doe");
    private static final Caller LEE = new Caller(new PhoneNumber("+16025559876"), "Lee Ames");
    private static final Extension JORDAN = new Extension("62264425003", "103", "Jordan Lee");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final FakeCallNotifications push = new FakeCallNotifications();
    private final ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral,
            new RefreshPolicy(Duration.ofMinutes(5), Duration.ofHours(24)), new Auditor(new InMemoryAuditLog(), clock), clock);
    private final RecentCallers policy = RecentCallers.withDefaultWindow();
    private final Watchers watchers = new Watchers();
    private final RecentCallersBoard board = new RecentCallersBoard(new CallBoard(policy), watchers, clock);
    private final AuthenticatedRingCentral authenticated = new AuthenticatedRingCentral(keeper, ringCentral);
    private final PushLink pushLink = new PushLink(push, authenticated, board, clock);
    private final CallSync sync = new CallSync(authenticated, board, policy, clock);
    private final CallFeedScheduler scheduler = new CallFeedScheduler(keeper, pushLink, sync, board, watchers,
            FeedSettings.DEFAULT, clock);
    private final CallFeedHealth health = new CallFeedHealth(board, pushLink, sync, watchers, push);
    private final List<RecentCallersResult> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connect() {
        connections.saveIfVersionMatches(RingCentralConnection.establish(ringCentral.nextTokens(), "admin", T0));
    }

    private void watch() {
        watchers.watch(seen::add);
    }

    private void tickFor(Duration duration) {
        Instant end = clock.instant().plus(duration);
        while (clock.instant().isBefore(end)) {
            clock.advance(Duration.ofSeconds(1));
            scheduler.tick();
        }
    }

    private static CallEvent ringingAt(Extension extension, String session, long sequence, Instant at, Caller caller) {
        return new CallEvent(session, sequence, at, "p-" + session, Direction.INBOUND, caller, "+16505550100",
                extension, PartyStatus.PROCEEDING, false);
    }

    private static CallEvent statusOf(CallEvent event, long sequence, PartyStatus status) {
        return new CallEvent(event.telephonySessionId(), sequence, event.eventTime(), event.partyId(), event.direction(),
                event.from(), event.dialledNumber(), event.extension(), status, false);
    }

    @Test
    void withoutAConnectionNothingIsAskedAndTheListSaysWhy() {
        connections.delete();

        scheduler.tick();

        assertThat(push.opened).hasValue(0);
        assertThat(ringCentral.callLogRequests).hasValue(0);
        assertThat(board.list().status()).isEqualTo(new FeedStatus.NotConnected());
    }

    @Test
    void aCallRingingAtAColleaguesExtensionReachesAnOpenPageAtOnceWithoutATick() {
        watch();
        scheduler.tick();
        assertThat(push.isOpen()).isTrue();
        push.subscribed();
        int before = seen.size();

        push.push(ringingAt(JORDAN, "s-1", 1, clock.instant(), PAT));

        assertThat(seen).hasSizeGreaterThan(before);
        RecentCallersResult latest = seen.getLast();
        assertThat(latest.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(latest.callers()).extracting(RecentCaller::caller, RecentCaller::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(PAT, CallState.RINGING));
        assertThat(board.list().callers()).hasSize(1);
    }

    @Test
    void whilePushIsHealthyPresenceIsNeverReadAndTheCallLogOnlyAFewTimesAnHour() {
        watch();
        scheduler.tick();
        push.subscribed();
        int presenceBeforePushWasLive = ringCentral.liveCallRequests.get();

        tickFor(Duration.ofMinutes(60));

        assertThat(ringCentral.liveCallRequests).hasValue(presenceBeforePushWasLive);
        // History at the start, the catch-up after the subscription, then every 20 minutes.
        assertThat(ringCentral.callLogRequests.get()).isBetween(3, 5);
        assertThat(health.get().liveCalls().mode()).isEqualTo(LiveCallsHealth.Mode.PUSH_COMPANY);
    }

    @Test
    void theCallLogIsReadFromTheWindowStartSoASevenMinuteCallAtAColleaguesDeskShowsOnceItEnds() {
        watch();
        scheduler.tick();
        push.subscribed();
        tickFor(Duration.ofMinutes(10));
        Instant started = clock.instant().minus(Duration.ofMinutes(7));
        // Push never heard of it (say it was dropped then); the call log has it only now, 7 minutes after it began.
        ringCentral.logCall(new InboundCall("rec-7", "s-7", Direction.INBOUND, LEE, "+16505550103", started, CallState.ENDED));
        push.drop("network");
        push.subscribed(); // recovery failed: a fresh subscription asks for a catch-up read

        tickFor(Duration.ofSeconds(40));

        assertThat(ringCentral.lastCallLogSince).isEqualTo(policy.windowStart(ringCentral.lastCallLogSince.plus(policy.window())));
        assertThat(ringCentral.lastCallLogSince).isBefore(started);
        assertThat(board.list().callers()).extracting(RecentCaller::caller).contains(LEE);
    }

    @Test
    void aCallThatEndedJustBeforeAFreshSubscriptionIsFoundOnceRingCentralLogsIt() {
        watch();
        scheduler.tick();
        push.subscribed();
        tickFor(Duration.ofMinutes(2));
        push.drop("network");
        tickFor(Duration.ofSeconds(35));
        push.subscribed(); // too late to recover: a fresh subscription, and a catch-up read soon
        tickFor(Duration.ofSeconds(20));
        // The call ended at a colleague's desk just before the subscription; RingCentral logs it only now.
        ringCentral.logCall(new InboundCall("rec-8", "s-8", Direction.INBOUND, LEE, "+16505550102",
                clock.instant().minusSeconds(60), CallState.ENDED));

        tickFor(Duration.ofSeconds(20));

        assertThat(board.list().callers()).extracting(RecentCaller::caller).contains(LEE);
    }

    @Test
    void aRecoveredDropNeedsNoCatchUpButAFailedRecoveryDoes() {
        watch();
        scheduler.tick();
        push.subscribed();
        tickFor(Duration.ofSeconds(70));
        int reads = ringCentral.callLogRequests.get();

        push.drop("network");
        tickFor(Duration.ofSeconds(5));
        push.recovered();
        tickFor(Duration.ofSeconds(30));
        assertThat(ringCentral.callLogRequests).hasValue(reads);

        push.drop("network");
        tickFor(Duration.ofSeconds(5));
        push.subscribed();
        tickFor(Duration.ofSeconds(40));
        assertThat(ringCentral.callLogRequests).hasValue(reads + 1);

        LiveCallsHealth live = health.get().liveCalls();
        assertThat(live.reconnects()).isEqualTo(2);
        assertThat(live.recoveries()).isEqualTo(1);
    }

    @Test
    void whilePushIsDownTheWatchedPageIsFedByPollingPresenceAndAfterAGraceTheCallLog() {
        watch();
        scheduler.tick();
        push.subscribed();
        tickFor(Duration.ofSeconds(70));
        int reads = ringCentral.callLogRequests.get();

        push.drop("network");
        ringCentral.setLiveCalls(List.of(new InboundCall("c-1", "s-9", Direction.INBOUND, PAT, null, clock.instant(), CallState.RINGING)));
        tickFor(Duration.ofSeconds(2));
        assertThat(ringCentral.liveCallRequests.get()).isPositive();
        assertThat(board.list().callers()).extracting(RecentCaller::caller).containsExactly(PAT);
        assertThat(health.get().liveCalls().mode()).isEqualTo(LiveCallsHealth.Mode.POLLING);
        assertThat(health.get().liveCalls().reason()).contains("network");

        tickFor(Duration.ofSeconds(20));
        assertThat(ringCentral.callLogRequests).hasValue(reads);
        tickFor(Duration.ofSeconds(60));
        assertThat(ringCentral.callLogRequests.get()).isBetween(reads + 2, reads + 4);
    }

    @Test
    void withoutCallControlPushCoversTheConnectedExtensionAndTheCallLogIsPolledForTheRest() {
        watch();
        scheduler.tick();
        push.subscribedToConnectedExtensionOnly("Add the CallControl permission to the RingCentral app");
        tickFor(Duration.ofSeconds(5));
        int reads = ringCentral.callLogRequests.get();
        int presence = ringCentral.liveCallRequests.get();

        tickFor(Duration.ofSeconds(60));

        assertThat(ringCentral.liveCallRequests).hasValue(presence);
        assertThat(ringCentral.callLogRequests.get()).isGreaterThanOrEqualTo(reads + 3);
        FeedHealth feed = health.get();
        assertThat(feed.liveCalls().mode()).isEqualTo(LiveCallsHealth.Mode.PUSH_CONNECTED_EXTENSION);
        assertThat(feed.liveCalls().reason()).contains("CallControl");
    }

    @Test
    void pushRefusedFallsBackToPollingAndIsTriedAgainLater() {
        watch();
        scheduler.tick();
        push.stop("The RingCentral app lacks the WebSocketsSubscription permission");
        tickFor(Duration.ofMinutes(4));
        assertThat(push.opened).hasValue(1);
        assertThat(ringCentral.liveCallRequests.get()).isPositive();
        assertThat(health.get().liveCalls().reason()).contains("WebSocketsSubscription");

        tickFor(Duration.ofMinutes(2));
        assertThat(push.opened).hasValue(2);
    }

    @Test
    void disconnectingClosesPushAndEmptiesTheList() {
        watch();
        scheduler.tick();
        push.subscribed();
        push.push(ringingAt(JORDAN, "s-1", 1, clock.instant(), PAT));

        connections.delete();
        scheduler.tick();

        assertThat(push.closed).hasValue(1);
        assertThat(board.list().callers()).isEmpty();
        assertThat(seen.getLast().status()).isEqualTo(new FeedStatus.NotConnected());
    }

    @Test
    void aRateLimitPenaltyIsSatOutWithoutAskingAnything() {
        watch();
        ringCentral.failNextCall(new RingCentralRateLimitedException("Heavy", T0.plusSeconds(61)));
        scheduler.tick();
        assertThat(board.list().status()).isEqualTo(new FeedStatus.RateLimitedUntil(T0.plusSeconds(61)));
        int asked = ringCentral.callLogRequests.get() + ringCentral.liveCallRequests.get();

        tickFor(Duration.ofSeconds(55));
        assertThat(ringCentral.callLogRequests.get() + ringCentral.liveCallRequests.get()).isEqualTo(asked);

        tickFor(Duration.ofSeconds(10));
        assertThat(ringCentral.callLogRequests.get()).isGreaterThan(1);
    }

    @Test
    void anOutageKeepsTheCallsWithTheirAgeAndTheReason() {
        watch();
        scheduler.tick();
        push.subscribed();
        push.push(ringingAt(JORDAN, "s-1", 1, clock.instant(), PAT));
        push.drop("network");
        tickFor(Duration.ofSeconds(40));
        ringCentral.failNextCall(new RingCentralUnavailableException("RingCentral answered HTTP 503"));
        ringCentral.failNextCall(new RingCentralUnavailableException("RingCentral answered HTTP 503"));
        tickFor(Duration.ofSeconds(2));

        RecentCallersResult result = board.list();
        assertThat(result.status()).isInstanceOf(FeedStatus.Unavailable.class);
        assertThat(result.callers()).extracting(RecentCaller::caller).containsExactly(PAT);
        assertThat(result.asOf()).isNotNull();
    }

    @Test
    void callLogReadsNeverExceedTheHeavyBudgetWhateverAsksForThem() {
        watch();
        scheduler.tick();
        for (int i = 0; i < 30; i++) {
            push.drop("flapping");
            push.subscribed();
            tickFor(Duration.ofSeconds(2));
        }
        assertThat(ringCentral.callLogRequests.get()).isLessThanOrEqualTo(7);
    }

    @Test
    void aCallAnsweredAtAColleaguesDeskKeepsWhoAnswered() {
        watch();
        scheduler.tick();
        push.subscribed();
        CallEvent ringing = ringingAt(JORDAN, "s-1", 1, clock.instant(), PAT);
        push.push(statusOf(ringing, 2, PartyStatus.ANSWERED));
        push.push(ringing); // out of order: older than what the party already said

        assertThat(board.list().callers()).singleElement()
                .satisfies(row -> {
                    assertThat(row.state()).isEqualTo(CallState.CONNECTED);
                    assertThat(row.answeredBy()).isEqualTo(JORDAN);
                });
    }

    @Test
    void theTokenForPushIsTheConnectionsAndARejectedOneIsRefreshedOnce() {
        scheduler.tick();
        assertThat(push.tokenNow()).isPresent();

        connections.delete();
        assertThat(push.tokenNow()).isEmpty();
    }
}
