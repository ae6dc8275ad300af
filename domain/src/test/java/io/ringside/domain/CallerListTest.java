package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** "Your call first": the picker's order for a person at a desk. */
class CallerListTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Extension MARIA = new Extension("62264425003", "103", "Maria Lopez");
    private static final Extension SAM = new Extension("62264425002", "102", "Sam Rivera");
    private static final ExtensionLink MARIAS_DESK = ExtensionLink.to(MARIA);

    private static RecentCaller caller(String e164, CallState state, Extension answeredBy, Extension... ringingAt) {
        return new RecentCaller(new Caller(new PhoneNumber(e164), null), T0, state, 1, "s-" + e164, answeredBy, Set.of(ringingAt));
    }

    private final RecentCaller ringingAtSam = caller("+16025550001", CallState.RINGING, null, SAM);
    private final RecentCaller onTheLineWithSam = caller("+16025550002", CallState.CONNECTED, SAM);
    private final RecentCaller ringingAtMaria = caller("+16025550003", CallState.RINGING, null, MARIA);
    private final RecentCaller ended = caller("+16025550004", CallState.ENDED, MARIA);
    private final RecentCaller onTheLineWithMaria = caller("+16025550005", CallState.CONNECTED, MARIA);

    @Test
    void herCallsComeFirstAndTheRestKeepTheirOrder() {
        List<RecentCaller> picker = List.of(ringingAtSam, ringingAtMaria, onTheLineWithSam, onTheLineWithMaria, ended);

        assertThat(CallerList.yoursFirst(picker, MARIAS_DESK))
                .containsExactly(ringingAtMaria, onTheLineWithMaria, ringingAtSam, onTheLineWithSam, ended);
    }

    @Test
    void withoutADeskOrACallAtItTheListIsAsItWas() {
        List<RecentCaller> picker = List.of(ringingAtSam, onTheLineWithSam, ended);

        assertThat(CallerList.yoursFirst(picker, null)).isSameAs(picker);
        assertThat(CallerList.yoursFirst(picker, MARIAS_DESK)).isSameAs(picker);
        assertThat(CallerList.yoursFirst(List.of(), MARIAS_DESK)).isEmpty();
    }
}
