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
}
