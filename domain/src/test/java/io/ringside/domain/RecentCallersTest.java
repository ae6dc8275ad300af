package io.ringside.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecentCallersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final RecentCallers POLICY = RecentCallers.withDefaultWindow();

    private static final String ALICE = "+16025551234";
    private static final String BOB = "+16025550000";
    private static final String CAROL = "+442079460958";

    private int ids;

    // ---- window ------------------------------------------------------------------------------

    @Test
    void defaultWindowIsSixtyMinutes() {
        assertThat(RecentCallers.withDefaultWindow().window()).isEqualTo(Duration.ofMinutes(60));
        assertThat(POLICY.windowStart(NOW)).isEqualTo(NOW.minus(Duration.ofMinutes(60)));
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 60, 240})
    void windowsFromFiveToTwoHundredFortyMinutesAreAccepted(int minutes) {
        assertThat(new RecentCallers(Duration.ofMinutes(minutes)).window()).isEqualTo(Duration.ofMinutes(minutes));
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 241, 0, -60})
    void windowsOutsideFiveToTwoHundredFortyMinutesAreRejected(int minutes) {
        assertThatThrownBy(() -> new RecentCallers(Duration.ofMinutes(minutes)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("5")
                .hasMessageContaining("240");
    }

    @Test
    void aCallStartedExactlyAtTheWindowStartIsInOneSecondEarlierIsOut() {
        Instant windowStart = NOW.minus(Duration.ofMinutes(60));
        CallerList list = POLICY.select(List.of(
                ended(ALICE, windowStart),
                ended(BOB, windowStart.minusSeconds(1))), NOW);

        assertThat(numbers(list)).containsExactly(ALICE);
    }

    @Test
    void theWindowIsTheConfiguredOne() {
        RecentCallers fiveMinutes = new RecentCallers(Duration.ofMinutes(5));
        CallerList list = fiveMinutes.select(List.of(
                ended(ALICE, NOW.minus(Duration.ofMinutes(5))),
                ended(BOB, NOW.minus(Duration.ofMinutes(6)))), NOW);

        assertThat(numbers(list)).containsExactly(ALICE);
        assertThat(list.window()).isEqualTo(Duration.ofMinutes(5));
        assertThat(list.window()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void callsOutsideTheWindowAreNeitherCountedNorLeftOut() {
        Instant before = NOW.minus(Duration.ofMinutes(61));
        CallerList list = POLICY.select(List.of(
                ended(ALICE, NOW.minus(Duration.ofMinutes(10))),
                ended(ALICE, before),
                call(new UnusableCallerId(UnusableCallerId.Reason.ANONYMOUS, null), before, CallState.ENDED)), NOW);

        assertThat(list.callers()).singleElement().extracting(RecentCaller::callsInWindow).isEqualTo(1);
        assertThat(list.leftOut()).isZero();
    }

    // ---- inbound only ------------------------------------------------------------------------

    @Test
    void outboundCallsAreNotCallers() {
        InboundCall outbound = new InboundCall("out-1", "s-out", Direction.OUTBOUND,
                Caller.of(PhoneNumber.of(BOB)), null, NOW.minusSeconds(30), CallState.CONNECTED);

        CallerList list = POLICY.select(List.of(ended(ALICE, NOW.minusSeconds(60)), outbound), NOW);

        assertThat(numbers(list)).containsExactly(ALICE);
        assertThat(list.leftOut()).isZero();
    }

    // ---- one row per number ------------------------------------------------------------------

    @Test
    void oneRowPerNumberTheLatestCallWinsAndCallsAreCounted() {
        InboundCall first = call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(40)), CallState.MISSED);
        InboundCall second = call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(20)), CallState.VOICEMAIL);
        InboundCall latest = call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(5)), CallState.ENDED);
        InboundCall bob = call(caller(BOB, null), NOW.minus(Duration.ofMinutes(30)), CallState.ENDED);

        // Order of the input must not matter.
        CallerList list = POLICY.select(List.of(latest, bob, first, second), NOW);

        assertThat(list.callers()).hasSize(2);
        RecentCaller alice = row(list, ALICE);
        assertThat(alice.lastCallAt()).isEqualTo(latest.startTime());
        assertThat(alice.state()).isEqualTo(CallState.ENDED);
        assertThat(alice.telephonySessionId()).isEqualTo(latest.telephonySessionId());
        assertThat(alice.callsInWindow()).isEqualTo(3);
        assertThat(row(list, BOB).callsInWindow()).isEqualTo(1);
    }

    @Test
    void theNameOfAnEarlierCallIsUsedWhenTheLatestHasNone() {
        CallerList list = POLICY.select(List.of(
                call(caller(ALICE, "Alice Jones"), NOW.minus(Duration.ofMinutes(30)), CallState.ENDED),
                call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(2)), CallState.RINGING)), NOW);

        RecentCaller alice = row(list, ALICE);
        assertThat(alice.caller().name()).isEqualTo("Alice Jones");
        assertThat(alice.state()).isEqualTo(CallState.RINGING);
    }

    @Test
    void theLatestNameWinsOverAnEarlierOne() {
        CallerList list = POLICY.select(List.of(
                call(caller(ALICE, "ACME Reception"), NOW.minus(Duration.ofMinutes(30)), CallState.ENDED),
                call(caller(ALICE, "Alice Jones"), NOW.minus(Duration.ofMinutes(2)), CallState.ENDED)), NOW);

        assertThat(row(list, ALICE).caller().name()).isEqualTo("Alice Jones");
    }

    // ---- records of one telephony session ----------------------------------------------------

    @Test
    void ringingInPresenceAndEndedInTheCallLogAreOneCallInTheLaterState() {
        Instant start = NOW.minus(Duration.ofMinutes(3));
        InboundCall presence = new InboundCall("presence-1", "session-1", Direction.INBOUND,
                caller(ALICE, null), "+16025550100", start, CallState.RINGING);
        InboundCall callLog = new InboundCall("log-1", "session-1", Direction.INBOUND,
                caller(ALICE, null), "+16025550100", start, CallState.ENDED);

        for (List<InboundCall> calls : List.of(List.of(presence, callLog), List.of(callLog, presence))) {
            CallerList list = POLICY.select(calls, NOW);

            assertThat(list.callers()).singleElement().satisfies(alice -> {
                assertThat(alice.callsInWindow()).isEqualTo(1);
                assertThat(alice.state()).isEqualTo(CallState.ENDED);
                assertThat(alice.telephonySessionId()).isEqualTo("session-1");
            });
        }
    }

    @Test
    void ringingThenConnectedRecordsOfOneCallShowConnected() {
        Instant start = NOW.minus(Duration.ofMinutes(1));
        CallerList list = POLICY.select(List.of(
                new InboundCall("a", "session-1", Direction.INBOUND, caller(ALICE, null), null, start, CallState.CONNECTED),
                new InboundCall("b", "session-1", Direction.INBOUND, caller(ALICE, null), null, start, CallState.RINGING)), NOW);

        assertThat(list.callers()).singleElement().satisfies(alice -> {
            assertThat(alice.state()).isEqualTo(CallState.CONNECTED);
            assertThat(alice.callsInWindow()).isEqualTo(1);
        });
    }

    @Test
    void theNameFromPresenceIsKeptWhenTheCallLogRecordOfTheSameCallHasNone() {
        Instant start = NOW.minus(Duration.ofMinutes(3));
        InboundCall presence = new InboundCall("presence-1", "session-1", Direction.INBOUND,
                caller(ALICE, "Alice Jones"), null, start, CallState.RINGING);
        InboundCall callLog = new InboundCall("log-1", "session-1", Direction.INBOUND,
                caller(ALICE, null), null, start, CallState.ENDED);

        for (List<InboundCall> calls : List.of(List.of(presence, callLog), List.of(callLog, presence))) {
            RecentCaller alice = POLICY.select(calls, NOW).callers().getFirst();

            assertThat(alice.caller().name()).isEqualTo("Alice Jones");
            assertThat(alice.state()).isEqualTo(CallState.ENDED);
        }
    }

    @Test
    void aUsableNumberSeenInOneRecordOfACallIsNotLostWhenTheOtherRecordHasNone() {
        Instant start = NOW.minus(Duration.ofMinutes(3));
        InboundCall presence = new InboundCall("presence-1", "session-1", Direction.INBOUND,
                caller(ALICE, null), null, start, CallState.RINGING);
        InboundCall callLog = new InboundCall("log-1", "session-1", Direction.INBOUND,
                UnusableCallerId.because(UnusableCallerId.Reason.UNRECOGNISED), null, start, CallState.MISSED);

        CallerList list = POLICY.select(List.of(presence, callLog), NOW);

        assertThat(list.callers()).singleElement().satisfies(alice -> {
            assertThat(alice.caller().number().e164()).isEqualTo(ALICE);
            assertThat(alice.state()).isEqualTo(CallState.MISSED);
        });
        assertThat(list.leftOut()).isZero();
    }

    @Test
    void recordsWithoutASessionIdAreToldApartByTheirOwnId() {
        CallerList list = POLICY.select(List.of(
                new InboundCall("log-1", null, Direction.INBOUND, caller(ALICE, null), null, NOW.minusSeconds(600), CallState.ENDED),
                new InboundCall("log-2", null, Direction.INBOUND, caller(ALICE, null), null, NOW.minusSeconds(300), CallState.ENDED)), NOW);

        assertThat(row(list, ALICE).callsInWindow()).isEqualTo(2);
    }

    // ---- unusable numbers --------------------------------------------------------------------

    @Test
    void anonymousMaskedAndInternalCallsAreLeftOutButCounted() {
        CallerList list = POLICY.select(List.of(
                ended(ALICE, NOW.minusSeconds(60)),
                call(UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS), NOW.minusSeconds(120), CallState.ENDED),
                call(new UnusableCallerId(UnusableCallerId.Reason.MASKED, "Toll free"), NOW.minusSeconds(180), CallState.MISSED),
                call(UnusableCallerId.because(UnusableCallerId.Reason.INTERNAL_EXTENSION), NOW.minusSeconds(240), CallState.RINGING),
                call(UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS), NOW.minusSeconds(300), CallState.ENDED)), NOW);

        assertThat(numbers(list)).containsExactly(ALICE);
        assertThat(list.leftOut()).isEqualTo(4);
    }

    @Test
    void anUnusableCallSeenInPresenceAndTheCallLogIsCountedOnce() {
        Instant start = NOW.minusSeconds(120);
        CallingParty anonymous = UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS);
        CallerList list = POLICY.select(List.of(
                new InboundCall("presence-9", "session-9", Direction.INBOUND, anonymous, null, start, CallState.RINGING),
                new InboundCall("log-9", "session-9", Direction.INBOUND, anonymous, null, start, CallState.ENDED)), NOW);

        assertThat(list.callers()).isEmpty();
        assertThat(list.leftOut()).isEqualTo(1);
    }

    @Test
    void noCallsMakeAnEmptyList() {
        CallerList list = POLICY.select(List.of(), NOW);

        assertThat(list.isEmpty()).isTrue();
        assertThat(list.leftOut()).isZero();
        assertThat(list.window()).isEqualTo(Duration.ofMinutes(60));
    }

    // ---- order -------------------------------------------------------------------------------

    @Test
    void ringingFirstThenConnectedThenTheRestNewestFirstWithinEach() {
        List<InboundCall> calls = new ArrayList<>(List.of(
                call(caller("+15550000001", null), NOW.minusSeconds(50 * 60), CallState.ENDED),
                call(caller("+15550000002", null), NOW.minusSeconds(10), CallState.ENDED),
                call(caller("+15550000003", null), NOW.minusSeconds(5 * 60), CallState.RINGING),
                call(caller("+15550000004", null), NOW.minusSeconds(20), CallState.CONNECTED),
                call(caller("+15550000005", null), NOW.minusSeconds(30), CallState.RINGING),
                call(caller("+15550000006", null), NOW.minusSeconds(9 * 60), CallState.CONNECTED),
                call(caller("+15550000007", null), NOW.minusSeconds(60), CallState.MISSED),
                call(caller("+15550000008", null), NOW.minusSeconds(30 * 60), CallState.VOICEMAIL)));

        CallerList list = POLICY.select(calls, NOW);

        assertThat(numbers(list)).containsExactly(
                "+15550000005", "+15550000003",                 // ringing, newest first
                "+15550000004", "+15550000006",                 // connected, newest first
                "+15550000002", "+15550000007", "+15550000008", "+15550000001"); // the rest, newest first
    }

    @Test
    void aNumberRingingAgainMovesToTheTop() {
        CallerList list = POLICY.select(List.of(
                call(caller(BOB, null), NOW.minusSeconds(30), CallState.ENDED),
                call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(40)), CallState.ENDED),
                call(caller(ALICE, null), NOW.minus(Duration.ofMinutes(1)), CallState.RINGING)), NOW);

        assertThat(numbers(list)).containsExactly(ALICE, BOB);
        assertThat(row(list, ALICE).isLive()).isTrue();
    }

    @Test
    void ageIsHowLongAgoTheLatestCallStartedNeverNegative() {
        RecentCaller row = POLICY.select(List.of(ended(CAROL, NOW.minusSeconds(120))), NOW).callers().getFirst();

        assertThat(row.age(NOW)).isEqualTo(Duration.ofMinutes(2));
        assertThat(row.age(NOW.minusSeconds(600))).isEqualTo(Duration.ZERO);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private InboundCall ended(String number, Instant start) {
        return call(caller(number, null), start, CallState.ENDED);
    }

    private InboundCall call(CallingParty from, Instant start, CallState state) {
        int n = ++ids;
        return new InboundCall("id-" + n, "session-" + n, Direction.INBOUND, from, "+16025550100", start, state);
    }

    private static Caller caller(String number, String name) {
        return new Caller(PhoneNumber.of(number), name);
    }

    private static List<String> numbers(CallerList list) {
        return list.callers().stream().map(row -> row.caller().number().e164()).toList();
    }

    private static RecentCaller row(CallerList list, String number) {
        return list.callers().stream()
                .filter(row -> row.caller().number().e164().equals(number))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + number + " in " + list));
    }
}
