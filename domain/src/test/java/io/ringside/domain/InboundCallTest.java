package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundCallTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");

    @Test
    void aCallerWithABlankNameHasNoName() {
        assertThat(new Caller(PHONE, "  ").knownName()).isEmpty();
        assertThat(new Caller(PHONE, " Alice ").knownName()).contains("Alice");
        assertThat(Caller.of(PHONE).name()).isNull();
        assertThatThrownBy(() -> new Caller(null, "Alice")).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theTelephonySessionIdentifiesTheCallAcrossRecordsAndTheRecordIdStandsInWithoutIt() {
        InboundCall withSession = new InboundCall("log-1", "session-1", Direction.INBOUND, Caller.of(PHONE), null, NOW, CallState.ENDED);
        InboundCall withoutSession = new InboundCall("log-2", "  ", Direction.INBOUND, Caller.of(PHONE), null, NOW, CallState.ENDED);

        assertThat(withSession.sessionKey()).isEqualTo("session-1");
        assertThat(withoutSession.telephonySessionId()).isNull();
        assertThat(withoutSession.sessionKey()).isEqualTo("log-2");
    }

    @Test
    void aCallNeedsAnIdAndItsFacts() {
        assertThatThrownBy(() -> new InboundCall(" ", "s", Direction.INBOUND, Caller.of(PHONE), null, NOW, CallState.ENDED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InboundCall("id", "s", Direction.INBOUND, Caller.of(PHONE), null, null, CallState.ENDED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new InboundCall("id", "s", Direction.INBOUND, null, null, NOW, CallState.ENDED))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ringingAndConnectedAreLiveAndACallOnlyMovesForward() {
        assertThat(CallState.RINGING.isLive()).isTrue();
        assertThat(CallState.CONNECTED.isLive()).isTrue();
        assertThat(CallState.ENDED.isLive()).isFalse();
        assertThat(CallState.MISSED.isLive()).isFalse();
        assertThat(CallState.VOICEMAIL.isLive()).isFalse();
        assertThat(CallState.CONNECTED.isLaterThan(CallState.RINGING)).isTrue();
        assertThat(CallState.ENDED.isLaterThan(CallState.CONNECTED)).isTrue();
        assertThat(CallState.MISSED.isLaterThan(CallState.RINGING)).isTrue();
        assertThat(CallState.RINGING.isLaterThan(CallState.VOICEMAIL)).isFalse();
        assertThat(CallState.ENDED.isLaterThan(CallState.MISSED)).isFalse();
    }

    // ---- two records of one call -------------------------------------------------------------

    private static InboundCall record(String id, CallingParty from, String dialled, CallState state) {
        return new InboundCall(id, "session-1", Direction.INBOUND, from, dialled, NOW, state);
    }

    @Test
    void mergedRecordsOfOneCallAreInTheStateFurtherAlongWhicheverCameFirst() {
        InboundCall ringing = record("presence-1", Caller.of(PHONE), null, CallState.RINGING);
        InboundCall ended = record("log-1", Caller.of(PHONE), null, CallState.ENDED);

        assertThat(ringing.mergedWith(ended)).isEqualTo(ended);
        assertThat(ended.mergedWith(ringing)).isEqualTo(ended);
    }

    @Test
    void onATieTheNewerRecordWins() {
        InboundCall before = record("presence-1", new Caller(PHONE, "Alice"), "+16025550100", CallState.CONNECTED);
        InboundCall newer = record("presence-2", new Caller(PHONE, "Alice J."), "+16025550100", CallState.CONNECTED);

        assertThat(before.mergedWith(newer)).isEqualTo(newer);
    }

    @Test
    void aNameOrDialledNumberOnlyTheEarlierRecordHadIsKept() {
        InboundCall presence = record("presence-1", new Caller(PHONE, "Alice Jones"), "+16025550100", CallState.RINGING);
        InboundCall callLog = record("log-1", Caller.of(PHONE), null, CallState.ENDED);

        for (InboundCall merged : new InboundCall[]{presence.mergedWith(callLog), callLog.mergedWith(presence)}) {
            assertThat(merged.id()).isEqualTo("log-1");
            assertThat(merged.state()).isEqualTo(CallState.ENDED);
            assertThat(merged.from()).isEqualTo(new Caller(PHONE, "Alice Jones"));
            assertThat(merged.dialledNumber()).isEqualTo("+16025550100");
        }
    }

    @Test
    void aUsableNumberOnlyOneRecordHadIsKept() {
        InboundCall presence = record("presence-1", Caller.of(PHONE), null, CallState.RINGING);
        InboundCall callLog = record("log-1", new UnusableCallerId(UnusableCallerId.Reason.UNRECOGNISED, "ALICE J"), null, CallState.MISSED);

        InboundCall merged = presence.mergedWith(callLog);

        assertThat(merged.state()).isEqualTo(CallState.MISSED);
        assertThat(merged.from()).isEqualTo(new Caller(PHONE, "ALICE J"));
    }

    @Test
    void twoUnusableRecordsStayUnusable() {
        InboundCall a = record("presence-1", UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS), null, CallState.RINGING);
        InboundCall b = record("log-1", UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS), null, CallState.ENDED);

        assertThat(a.mergedWith(b).from()).isInstanceOf(UnusableCallerId.class);
    }
}
