package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeEditTest {

    private static final Instant SAVED = Instant.parse("2026-11-22T15:00:00Z");
    private static final Instant LATER = SAVED.plusSeconds(600);
    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final PhoneNumber OTHER = PhoneNumber.of("+16025559876");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");
    private static final Intake BEFORE = Intake.record("Jane", PHONE, "Wants a callback", null, MARIA, SAVED);

    @Test
    void keepsWhoWhenAndBothVersionsOfTheIntake() {
        Intake after = BEFORE.corrected("Jane Doe", PHONE, "Wants a callback");

        IntakeEdit edit = IntakeEdit.of(BEFORE, after, MARIA, LATER);

        assertThat(edit.id()).isNotNull();
        assertThat(edit.intakeId()).isEqualTo(BEFORE.id());
        assertThat(edit.by()).isEqualTo(MARIA);
        assertThat(edit.at()).isEqualTo(LATER);
        assertThat(edit.before()).isEqualTo(BEFORE);
        assertThat(edit.after()).isEqualTo(after);
        assertThat(IntakeEdit.of(BEFORE, after, MARIA, LATER).id()).as("each edit its own id").isNotEqualTo(edit.id());
    }

    @Test
    void describesWhatChangedInTheOrderTheFormShowsIt() {
        IntakeEdit edit = IntakeEdit.of(BEFORE, BEFORE.corrected("Jane Doe", OTHER, "Called back"), MARIA, LATER);

        assertThat(edit.describe())
                .isEqualTo("name Jane → Jane Doe; phone +16025551234 → +16025559876; notes Wants a callback → Called back");
        assertThat(edit.changesAnything()).isTrue();
    }

    @Test
    void describesOnlyWhatChanged() {
        assertThat(IntakeEdit.of(BEFORE, BEFORE.corrected("Jane", OTHER, "Wants a callback"), MARIA, LATER).describe())
                .isEqualTo("phone +16025551234 → +16025559876");
        assertThat(IntakeEdit.of(BEFORE, BEFORE.corrected("Jane", PHONE, "Called back"), MARIA, LATER).describe())
                .isEqualTo("notes Wants a callback → Called back");
    }

    @Test
    void aFieldEmptiedOrFilledShowsAsNone() {
        Intake nameless = Intake.record(null, PHONE, "Wants a callback", null, MARIA, SAVED);

        assertThat(IntakeEdit.of(nameless, nameless.corrected("Jane", PHONE, null), MARIA, LATER).describe())
                .isEqualTo("name (none) → Jane; notes Wants a callback → (none)");
    }

    @Test
    void theSameValuesChangeNothing() {
        IntakeEdit edit = IntakeEdit.of(BEFORE, BEFORE.corrected(" Jane ", PHONE, "Wants a callback "), MARIA, LATER);

        assertThat(edit.describe()).isEmpty();
        assertThat(edit.changesAnything()).isFalse();
    }

    @Test
    void anEditIsOfOneIntake() {
        Intake another = Intake.record("Jane", PHONE, "Wants a callback", null, MARIA, SAVED);

        assertThatThrownBy(() -> IntakeEdit.of(BEFORE, another, MARIA, LATER))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one intake");
        assertThatThrownBy(() -> new IntakeEdit(UUID.randomUUID(), UUID.randomUUID(), MARIA, LATER, BEFORE, BEFORE))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void whoAndWhenAreRequired() {
        assertThatThrownBy(() -> IntakeEdit.of(BEFORE, BEFORE, null, LATER)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> IntakeEdit.of(BEFORE, BEFORE, MARIA, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> IntakeEdit.of(BEFORE, null, MARIA, LATER)).isInstanceOf(NullPointerException.class);
    }
}
