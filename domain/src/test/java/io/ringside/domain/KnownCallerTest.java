package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KnownCallerTest {

    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Instant LAST = Instant.parse("2026-11-12T15:00:00Z");

    @Test
    void keepsTheLastNameHowManyIntakesAndWhenTheLast() {
        KnownCaller known = new KnownCaller(PHONE, " Jane Doe ", 3, LAST);

        assertThat(known.phone()).isEqualTo(PHONE);
        assertThat(known.lastName()).isEqualTo("Jane Doe");
        assertThat(known.intakes()).isEqualTo(3);
        assertThat(known.lastSavedAt()).isEqualTo(LAST);
    }

    @Test
    void aCallerWhoNeverGaveANameIsStillKnown() {
        assertThat(new KnownCaller(PHONE, null, 1, LAST).lastName()).isNull();
        assertThat(new KnownCaller(PHONE, "  ", 1, LAST).lastName()).isNull();
    }

    @Test
    void aKnownCallerHasAtLeastOneIntake() {
        assertThatThrownBy(() -> new KnownCaller(PHONE, "Jane", 0, LAST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one intake");
    }

    @Test
    void theNumberAndWhenTheLastIntakeWasSavedAreRequired() {
        assertThatThrownBy(() -> new KnownCaller(null, "Jane", 1, LAST)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new KnownCaller(PHONE, "Jane", 1, null)).isInstanceOf(NullPointerException.class);
    }
}
