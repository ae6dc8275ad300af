package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CallBoardTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Caller PAT = new Caller(new PhoneNumber("+16025551234"), "Pat Doe");
    private static final Extension MARIA = new Extension("62264425003", "103", "Maria Lopez");
    private static final Extension SAM = new Extension("62264425002", "102", "Sam Rivera");
    private static final Extension DESK = new Extension("62264425001", "101", "Front Desk");

    private final CallBoard board = new CallBoard(RecentCallers.withDefaultWindow());

    private static CallEvent event(String session, long sequence, Extension at, PartyStatus status, int secondsAfterStart) {
        return new CallEvent(session, sequence, T0.plusSeconds(secondsAfterStart), "p-" + session + "-" + at.number(),
                Direction.INBOUND, PAT, "+16505550100", at, status, false);
    }

    private InboundCall only() {
        List<InboundCall> calls = board.calls();
        assertThat(calls).hasSize(1);
        return calls.getFirst();
    }

    @Test
    void aCallRingingAtAColleaguesExtensionIsOnTheBoardAsRinging() {
        assertThat(board.apply(event("s-1", 1, MARIA, PartyStatus.PROCEEDING, 0))).isTrue();

        InboundCall call = only();
        assertThat(call.state()).isEqualTo(CallState.RINGING);
        assertThat(call.from()).isEqualTo(PAT);
        assertThat(call.startTime()).isEqualTo(T0);
        assertThat(board.callers(T0.plusSeconds(5)).callers()).extracting(RecentCaller::state).containsExactly(CallState.RINGING);
    }

    @Test
    void answeredKeepsWhoAnsweredAndEndedAfterwardsIsAnEndedCallNotAMissedOne() {
        board.apply(event("s-1", 1, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 2, MARIA, PartyStatus.ANSWERED, 4));
        assertThat(only().state()).isEqualTo(CallState.CONNECTED);
        assertThat(only().answeredBy()).isEqualTo(MARIA);
        assertThat(only().answeredBy().label()).isEqualTo("Maria Lopez (103)");

        board.apply(event("s-1", 3, MARIA, PartyStatus.HOLD, 60));
        assertThat(only().state()).isEqualTo(CallState.CONNECTED);

        board.apply(event("s-1", 4, MARIA, PartyStatus.DISCONNECTED, 420));
        assertThat(only().state()).isEqualTo(CallState.ENDED);
        assertThat(only().answeredBy()).isEqualTo(MARIA);
        assertThat(only().startTime()).isEqualTo(T0);
    }

    @Test
    void theHighestSequenceWinsWhenEventsArriveOutOfOrder() {
        board.apply(event("s-1", 3, MARIA, PartyStatus.ANSWERED, 4));
        assertThat(board.apply(event("s-1", 2, MARIA, PartyStatus.PROCEEDING, 0))).isFalse();
        assertThat(only().state()).isEqualTo(CallState.CONNECTED);

        board.apply(event("s-1", 5, MARIA, PartyStatus.DISCONNECTED, 30));
        assertThat(board.apply(event("s-1", 4, MARIA, PartyStatus.HOLD, 20))).isFalse();
        assertThat(only().state()).isEqualTo(CallState.ENDED);
        // The ringing event its party had outgrown was ignored, start time included.
        assertThat(only().startTime()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void aRepeatedEventChangesNothing() {
        board.apply(event("s-1", 1, MARIA, PartyStatus.PROCEEDING, 0));
        assertThat(board.apply(event("s-1", 1, MARIA, PartyStatus.PROCEEDING, 0))).isFalse();
    }

    @Test
    void aCallThatOnlyRangIsMissedAndOneThatReachedVoicemailSaysSo() {
        board.apply(event("s-1", 1, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 2, MARIA, PartyStatus.DISCONNECTED, 20));
        board.apply(event("s-2", 1, SAM, PartyStatus.PROCEEDING, 30));
        board.apply(event("s-2", 2, SAM, PartyStatus.VOICEMAIL, 50));

        assertThat(board.calls()).extracting(InboundCall::sessionKey, InboundCall::state)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("s-1", CallState.MISSED),
                        org.assertj.core.groups.Tuple.tuple("s-2", CallState.VOICEMAIL));
    }

    @Test
    void aRingGroupCallStaysOnTheLineWhenTheDesksThatDidNotAnswerStopRinging() {
        board.apply(event("s-1", 1, DESK, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 2, SAM, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 3, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 4, MARIA, PartyStatus.ANSWERED, 6));
        board.apply(event("s-1", 5, DESK, PartyStatus.DISCONNECTED, 6));
        board.apply(event("s-1", 6, SAM, PartyStatus.DISCONNECTED, 6));

        assertThat(only().state()).isEqualTo(CallState.CONNECTED);
        assertThat(only().answeredBy()).isEqualTo(MARIA);
    }

    @Test
    void aCallRingsAtEveryDeskRingingNowAndIsYourCallAtEach() {
        board.apply(event("s-1", 1, DESK, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 2, SAM, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 3, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 4, DESK, PartyStatus.DISCONNECTED, 3)); // the front desk stopped ringing

        assertThat(only().ringingAt()).containsExactlyInAnyOrder(SAM, MARIA);
        RecentCaller row = board.callers(T0.plusSeconds(4)).callers().getFirst();
        assertThat(row.ringingAt()).containsExactlyInAnyOrder(SAM, MARIA);
        assertThat(row.isAt(ExtensionLink.to(MARIA))).isTrue();
        assertThat(row.isAt(ExtensionLink.to(SAM))).isTrue();
        assertThat(row.isAt(ExtensionLink.to(DESK))).isFalse();
    }

    @Test
    void onceAnsweredItIsOnlyTheAnswerersCallAndWhenOverNobodys() {
        board.apply(event("s-1", 1, SAM, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 2, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-1", 3, MARIA, PartyStatus.ANSWERED, 5));
        board.apply(event("s-1", 4, SAM, PartyStatus.DISCONNECTED, 5));

        RecentCaller onTheLine = board.callers(T0.plusSeconds(6)).callers().getFirst();
        assertThat(onTheLine.isAt(ExtensionLink.to(MARIA))).isTrue();
        assertThat(onTheLine.isAt(ExtensionLink.to(SAM))).isFalse();

        board.apply(event("s-1", 5, MARIA, PartyStatus.DISCONNECTED, 90));
        RecentCaller over = board.callers(T0.plusSeconds(91)).callers().getFirst();
        assertThat(over.ringingAt()).isEmpty();
        assertThat(over.isAt(ExtensionLink.to(MARIA))).isFalse();
    }

    @Test
    void theCallLogHasTheLastWordOnACallWhoseEndTheBoardNeverHeard() {
        // Push dropped while the 7-minute call went on: the board still thinks it is on the line.
        board.apply(event("s-1", 2, MARIA, PartyStatus.ANSWERED, 3));
        InboundCall logged = new InboundCall("rec-9", "s-1", Direction.INBOUND, new Caller(PAT.number(), null),
                "+16505550100", T0, CallState.ENDED);

        assertThat(board.sync(List.of(logged))).isTrue();

        InboundCall call = only();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.id()).isEqualTo("rec-9");
        assertThat(call.answeredBy()).isEqualTo(MARIA);
        assertThat(call.from()).isEqualTo(PAT);
        assertThat(board.sync(List.of(logged))).isFalse();
    }

    @Test
    void aCallSeenOnlyInTheCallLogIsOnTheBoard() {
        InboundCall logged = new InboundCall("rec-1", "s-9", Direction.INBOUND, PAT, null, T0, CallState.VOICEMAIL);
        board.sync(List.of(logged));
        assertThat(only()).isEqualTo(logged);
    }

    @Test
    void presenceSnapshotsEndCallsTheyNoLongerShow() {
        InboundCall ringing = new InboundCall("c-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.RINGING);
        InboundCall answered = ringing.withState(CallState.CONNECTED, null);
        board.presence(List.of(ringing));
        assertThat(only().state()).isEqualTo(CallState.RINGING);

        assertThat(board.presence(List.of())).isTrue();
        assertThat(only().state()).isEqualTo(CallState.MISSED);

        board.clear();
        board.presence(List.of(ringing));
        board.presence(List.of(answered));
        board.presence(List.of());
        assertThat(only().state()).isEqualTo(CallState.ENDED);
        assertThat(board.presence(List.of())).isFalse();
    }

    @Test
    void overCallsLeaveWithTheWindowButLiveOnesStay() {
        board.apply(event("s-old", 1, MARIA, PartyStatus.PROCEEDING, 0));
        board.apply(event("s-old", 2, MARIA, PartyStatus.DISCONNECTED, 10));
        board.apply(event("s-long", 1, SAM, PartyStatus.ANSWERED, 0));

        assertThat(board.expire(T0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(board.expire(T0.plus(Duration.ofMinutes(61)))).isTrue();

        assertThat(board.calls()).extracting(InboundCall::sessionKey, InboundCall::state)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("s-long", CallState.CONNECTED));
    }

    @Test
    void anInternalCallIsCountedButNotListedAndAnOutboundCallIsNotACaller() {
        CallEvent internal = new CallEvent("s-int", 1, T0, "p-int-103", Direction.INBOUND,
                UnusableCallerId.because(UnusableCallerId.Reason.INTERNAL_EXTENSION), null, MARIA, PartyStatus.SETUP, false);
        CallEvent outbound = new CallEvent("s-out", 1, T0, "p-out-102", Direction.OUTBOUND, PAT, null, SAM,
                PartyStatus.PROCEEDING, false);
        board.apply(internal);
        board.apply(outbound);

        CallerList list = board.callers(T0.plusSeconds(1));
        assertThat(list.callers()).isEmpty();
        assertThat(list.leftOut()).isEqualTo(1);
    }

    /** Another instance mirrors the owner's board by clearing its own and syncing the owner's views: each must come back as given. */
    @Test
    void viewsSyncedIntoAClearedBoardComeBackExactlyAsGivenLiveOnesIncluded() {
        InboundCall ringing = new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, "+16505550100", T0,
                CallState.RINGING, null, java.util.Set.of(MARIA, SAM));
        InboundCall talking = new InboundCall("s-2", "s-2", Direction.INBOUND, PAT, null, T0.plusSeconds(5),
                CallState.CONNECTED, DESK, java.util.Set.of(SAM));
        InboundCall ended = new InboundCall("rec-3", "s-3", Direction.INBOUND, PAT, "+16505550101", T0.minusSeconds(90),
                CallState.ENDED, MARIA);
        board.apply(event("s-9", 1, MARIA, PartyStatus.PROCEEDING, 0));

        board.clear();
        board.sync(List.of(ringing, talking, ended));

        assertThat(board.calls()).containsExactlyInAnyOrder(ringing, talking, ended);
        assertThat(board.calls()).filteredOn(call -> call.id().equals("s-1")).singleElement()
                .satisfies(call -> assertThat(call.ringingAt()).containsExactlyInAnyOrder(MARIA, SAM));
        assertThat(board.calls()).filteredOn(call -> call.id().equals("s-2")).singleElement()
                .satisfies(call -> assertThat(call.answeredBy()).isEqualTo(DESK));
        // Live calls stay on the board however old; only the ended one leaves with the window.
        assertThat(board.expire(T0.plus(Duration.ofHours(3)))).isTrue();
        assertThat(board.calls()).containsExactlyInAnyOrder(ringing, talking);
    }

    /** A follower mirrors the owner's board by clearing its own and adopting the owner's views: each must come back as given. */
    @Test
    void viewsAdoptedIntoAClearedBoardComeBackExactlyAsGivenLiveOnesIncluded() {
        InboundCall ringing = new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, "+16505550100", T0,
                CallState.RINGING, null, Set.of(MARIA, SAM));
        InboundCall talking = new InboundCall("s-2", "s-2", Direction.INBOUND, PAT, null, T0.plusSeconds(5),
                CallState.CONNECTED, DESK, Set.of(SAM));
        InboundCall ended = new InboundCall("rec-3", "s-3", Direction.INBOUND, PAT, "+16505550101", T0.minusSeconds(90),
                CallState.ENDED, MARIA);
        InboundCall outbound = new InboundCall("c-4", "s-4", Direction.OUTBOUND, PAT, null, T0, CallState.CONNECTED);
        board.apply(event("s-9", 1, MARIA, PartyStatus.PROCEEDING, 0));

        board.clear();
        assertThat(board.adopt(List.of(ringing, talking, ended, outbound))).isTrue();

        assertThat(board.calls()).containsExactlyInAnyOrder(ringing, talking, ended, outbound);
        assertThat(board.adopt(List.of(ringing, talking, ended, outbound))).isFalse();
        // Live calls stay on the board however old; only the ended one leaves with the window.
        assertThat(board.expire(T0.plus(Duration.ofHours(3)))).isTrue();
        assertThat(board.calls()).containsExactlyInAnyOrder(ringing, talking, outbound);
    }

    /** The takeover: the new owner showed the old owner's connected call; its own push now says the call ended. */
    @Test
    void anAdoptedLiveCallEndsWhenPushSaysSo() {
        InboundCall talking = new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, "+16505550100", T0,
                CallState.CONNECTED, MARIA, Set.of());
        board.adopt(List.of(talking));

        assertThat(board.apply(event("s-1", 7, MARIA, PartyStatus.DISCONNECTED, 300))).isTrue();

        InboundCall call = only();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.answeredBy()).isEqualTo(MARIA);
        assertThat(call.from()).isEqualTo(PAT);
        assertThat(call.startTime()).isEqualTo(T0);
        assertThat(board.callers(T0.plusSeconds(301)).callers().getFirst().isAt(ExtensionLink.to(MARIA))).isFalse();
    }

    @Test
    void anAdoptedRingingCallThatPushSaysStoppedRingingIsMissed() {
        board.adopt(List.of(new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.RINGING, null,
                Set.of(MARIA))));

        board.apply(event("s-1", 4, MARIA, PartyStatus.DISCONNECTED, 25));

        assertThat(only().state()).isEqualTo(CallState.MISSED);
        assertThat(only().ringingAt()).isEmpty();
    }

    @Test
    void anAdoptedLiveCallIsSettledByTheCallLog() {
        board.adopt(List.of(new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, "+16505550100", T0,
                CallState.CONNECTED, MARIA, Set.of())));

        assertThat(board.sync(List.of(new InboundCall("rec-1", "s-1", Direction.INBOUND, new Caller(PAT.number(), null),
                "+16505550100", T0, CallState.ENDED)))).isTrue();

        InboundCall call = only();
        assertThat(call.state()).isEqualTo(CallState.ENDED);
        assertThat(call.id()).isEqualTo("rec-1");
        assertThat(call.answeredBy()).isEqualTo(MARIA);
        assertThat(call.from()).isEqualTo(PAT);
    }

    @Test
    void anAdoptedLiveCallIsOverriddenByPresence() {
        InboundCall ringing = new InboundCall("c-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.RINGING);
        board.adopt(List.of(ringing));

        board.presence(List.of(ringing.withState(CallState.CONNECTED, null)));
        assertThat(only().state()).isEqualTo(CallState.CONNECTED);
        board.presence(List.of());
        assertThat(only().state()).isEqualTo(CallState.ENDED);
    }

    @Test
    void anAdoptedRingingCallIsStillYourCallAtTheDesksItRingsAt() {
        board.adopt(List.of(new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.RINGING, null,
                Set.of(MARIA, SAM))));

        RecentCaller row = board.callers(T0.plusSeconds(3)).callers().getFirst();
        assertThat(row.state()).isEqualTo(CallState.RINGING);
        assertThat(row.isAt(ExtensionLink.to(MARIA))).isTrue();
        assertThat(row.isAt(ExtensionLink.to(SAM))).isTrue();
        assertThat(row.isAt(ExtensionLink.to(DESK))).isFalse();
    }

    @Test
    void anAdoptedConnectedCallIsStillOnTheLineWithItsAnswerer() {
        board.adopt(List.of(new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.CONNECTED, MARIA,
                Set.of())));

        RecentCaller row = board.callers(T0.plusSeconds(60)).callers().getFirst();
        assertThat(row.state()).isEqualTo(CallState.CONNECTED);
        assertThat(row.isAt(ExtensionLink.to(MARIA))).isTrue();
        assertThat(only().answeredBy()).isEqualTo(MARIA);
    }

    @Test
    void anAdoptedCallThatIsOverIsSettledAsFinal() {
        InboundCall missed = new InboundCall("rec-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.MISSED);
        board.adopt(List.of(missed));

        // A late push event of a party still ringing does not bring it back: the record is final.
        board.apply(event("s-1", 2, MARIA, PartyStatus.PROCEEDING, 0));

        assertThat(only().state()).isEqualTo(CallState.MISSED);
    }

    @Test
    void anAdoptedLiveCallWithNoFurtherWordStaysAsAdoptedUntilTheCallLog() {
        InboundCall talking = new InboundCall("s-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.CONNECTED, MARIA,
                Set.of());
        board.adopt(List.of(talking));

        // Presence sees only the connected extension's calls: a call it never showed is not ended by it.
        assertThat(board.presence(List.of())).isFalse();
        assertThat(board.expire(T0.plus(Duration.ofHours(3)))).isFalse();
        assertThat(only()).isEqualTo(talking);

        board.sync(List.of(new InboundCall("rec-1", "s-1", Direction.INBOUND, PAT, null, T0, CallState.ENDED)));
        assertThat(only().state()).isEqualTo(CallState.ENDED);
    }
}
