package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your call": whether a row is the call of the person at a desk. */
class RecentCallerTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Caller PAT = new Caller(new PhoneNumber("+16025551234"), "Pat Doe");
    private static final Extension MARIA = new Extension("62264425003", "103", "Maria Lopez");
    private static final Extension SAM = new Extension("62264425002", "102", "Sam Rivera");
    private static final ExtensionLink MARIAS_DESK = ExtensionLink.to(MARIA);

    private static RecentCaller row(CallState state, Extension answeredBy, Set<Extension> ringingAt) {
        return new RecentCaller(PAT, T0, state, 1, "s-1", answeredBy, ringingAt);
    }

    @Test
    void aCallRingingAtHerDeskIsHersEvenWhileItRingsAtOthersToo() {
        assertThat(row(CallState.RINGING, null, Set.of(MARIA, SAM)).isAt(MARIAS_DESK)).isTrue();
        assertThat(row(CallState.RINGING, null, Set.of(SAM)).isAt(MARIAS_DESK)).isFalse();
    }

    @Test
    void onTheLineItIsOnlyTheAnswerersCall() {
        assertThat(row(CallState.CONNECTED, MARIA, Set.of()).isAt(MARIAS_DESK)).isTrue();
        assertThat(row(CallState.CONNECTED, SAM, Set.of(MARIA)).isAt(MARIAS_DESK)).as("Sam took it").isFalse();
        assertThat(row(CallState.CONNECTED, null, Set.of()).isAt(MARIAS_DESK)).as("answerer unknown").isFalse();
    }

    @Test
    void aCallThatIsOverIsNobodysAndForgetsWhereItRang() {
        RecentCaller ended = row(CallState.ENDED, MARIA, Set.of(MARIA));

        assertThat(ended.isAt(MARIAS_DESK)).isFalse();
        assertThat(ended.ringingAt()).isEmpty();
        assertThat(row(CallState.MISSED, null, Set.of(MARIA)).isAt(MARIAS_DESK)).isFalse();
    }

    @Test
    void aTypedExtensionNumberMatchesWhenTheEventSaysTheNumber() {
        assertThat(row(CallState.RINGING, null, Set.of(MARIA)).isAt(ExtensionLink.typed("103"))).isTrue();
        assertThat(row(CallState.RINGING, null, Set.of(new Extension("62264425003", null, null)))
                .isAt(ExtensionLink.typed("103"))).as("the event gave only the id").isFalse();
    }

    @Test
    void withoutADeskNothingIsYourCall() {
        assertThat(row(CallState.RINGING, null, Set.of(MARIA)).isAt(null)).isFalse();
    }

    @Test
    void rowsWithoutDesksRingNowhere() {
        assertThat(new RecentCaller(PAT, T0, CallState.RINGING, 1, "s-1").ringingAt()).isEmpty();
        assertThat(new RecentCaller(PAT, T0, CallState.RINGING, 1, "s-1", null, null).ringingAt()).isEmpty();
    }
}
