package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeTest {

    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    @Test
    void keepsWhatTheOperatorTyped() {
        Intake intake = Intake.record("Alice Jones", PHONE, "Wants a callback", "s-1", "operator", NOW);

        assertThat(intake.id()).isNotNull();
        assertThat(intake.callerName()).isEqualTo("Alice Jones");
        assertThat(intake.phone()).isEqualTo(PHONE);
        assertThat(intake.notes()).isEqualTo("Wants a callback");
        assertThat(intake.telephonySessionId()).isEqualTo("s-1");
        assertThat(intake.operator()).isEqualTo("operator");
        assertThat(intake.savedAt()).isEqualTo(NOW);
    }

    @Test
    void eachIntakeGetsItsOwnId() {
        assertThat(Intake.record(null, PHONE, null, null, "operator", NOW).id())
                .isNotEqualTo(Intake.record(null, PHONE, null, null, "operator", NOW).id());
    }

    @Test
    void phoneIsRequiredWithAMessageTheFormCanShow() {
        assertThatThrownBy(() -> Intake.record("Alice", null, "notes", null, "operator", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number is required");
    }

    @Test
    void blankNameNotesAndSessionBecomeNull() {
        Intake intake = Intake.record("   ", PHONE, "\t\n ", " ", "operator", NOW);

        assertThat(intake.callerName()).isNull();
        assertThat(intake.notes()).isNull();
        assertThat(intake.telephonySessionId()).isNull();
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        Intake intake = Intake.record("  Alice  ", PHONE, " note ", null, " operator ", NOW);

        assertThat(intake.callerName()).isEqualTo("Alice");
        assertThat(intake.notes()).isEqualTo("note");
        assertThat(intake.operator()).isEqualTo("operator");
    }

    @Test
    void nameUpToTheLimitIsAcceptedOneMoreIsRejected() {
        String longest = "n".repeat(Intake.NAME_MAX_LENGTH);

        assertThat(Intake.record(longest, PHONE, null, null, "operator", NOW).callerName()).isEqualTo(longest);
        assertThatThrownBy(() -> Intake.record(longest + "n", PHONE, null, null, "operator", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name")
                .hasMessageContaining(String.valueOf(Intake.NAME_MAX_LENGTH));
        assertThat(Intake.NAME_MAX_LENGTH).isEqualTo(200);
    }

    @Test
    void notesUpToTheLimitAreAcceptedOneMoreIsRejected() {
        String longest = "x".repeat(Intake.NOTES_MAX_LENGTH);

        assertThat(Intake.record(null, PHONE, longest, null, "operator", NOW).notes()).isEqualTo(longest);
        assertThatThrownBy(() -> Intake.record(null, PHONE, longest + "x", null, "operator", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes")
                .hasMessageContaining(String.valueOf(Intake.NOTES_MAX_LENGTH));
        assertThat(Intake.NOTES_MAX_LENGTH).isEqualTo(4000);
    }

    @Test
    void operatorIsRequired() {
        assertThatThrownBy(() -> Intake.record("Alice", PHONE, null, null, "  ", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator");
    }
}
