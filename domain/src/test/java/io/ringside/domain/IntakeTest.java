package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeTest {

    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final Actor MARIA = new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), "maria", "Maria Lopez", "10.0.0.7");

    @Test
    void keepsWhatTheOperatorTyped() {
        Intake intake = Intake.record("Alice Jones", PHONE, "Wants a callback", "s-1", MARIA, NOW);

        assertThat(intake.id()).isNotNull();
        assertThat(intake.callerName()).isEqualTo("Alice Jones");
        assertThat(intake.phone()).isEqualTo(PHONE);
        assertThat(intake.notes()).isEqualTo("Wants a callback");
        assertThat(intake.telephonySessionId()).isEqualTo("s-1");
        assertThat(intake.operator()).isEqualTo("Maria Lopez");
        assertThat(intake.operatorId()).isEqualTo(MARIA.userId());
        assertThat(intake.isBy(MARIA.userId())).isTrue();
        assertThat(intake.isBy(UUID.randomUUID())).isFalse();
        assertThat(intake.savedAt()).isEqualTo(NOW);
    }

    @Test
    void eachIntakeGetsItsOwnId() {
        assertThat(Intake.record(null, PHONE, null, null, MARIA, NOW).id())
                .isNotEqualTo(Intake.record(null, PHONE, null, null, MARIA, NOW).id());
    }

    @Test
    void phoneIsRequiredWithAMessageTheFormCanShow() {
        assertThatThrownBy(() -> Intake.record("Alice", null, "notes", null, MARIA, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number is required");
    }

    @Test
    void blankNameNotesAndSessionBecomeNull() {
        Intake intake = Intake.record("   ", PHONE, "\t\n ", " ", MARIA, NOW);

        assertThat(intake.callerName()).isNull();
        assertThat(intake.notes()).isNull();
        assertThat(intake.telephonySessionId()).isNull();
    }

    @Test
    void surroundingWhitespaceIsTrimmed() {
        Intake intake = Intake.record("  Alice  ", PHONE, " note ", null, MARIA, NOW);

        assertThat(intake.callerName()).isEqualTo("Alice");
        assertThat(intake.notes()).isEqualTo("note");
        assertThat(intake.operator()).isEqualTo("Maria Lopez");
        assertThat(intake.operatorId()).isEqualTo(MARIA.userId());
        assertThat(intake.isBy(MARIA.userId())).isTrue();
        assertThat(intake.isBy(UUID.randomUUID())).isFalse();
    }

    @Test
    void nameUpToTheLimitIsAcceptedOneMoreIsRejected() {
        String longest = "n".repeat(Intake.NAME_MAX_LENGTH);

        assertThat(Intake.record(longest, PHONE, null, null, MARIA, NOW).callerName()).isEqualTo(longest);
        assertThatThrownBy(() -> Intake.record(longest + "n", PHONE, null, null, MARIA, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name")
                .hasMessageContaining(String.valueOf(Intake.NAME_MAX_LENGTH));
        assertThat(Intake.NAME_MAX_LENGTH).isEqualTo(200);
    }

    @Test
    void notesUpToTheLimitAreAcceptedOneMoreIsRejected() {
        String longest = "x".repeat(Intake.NOTES_MAX_LENGTH);

        assertThat(Intake.record(null, PHONE, longest, null, MARIA, NOW).notes()).isEqualTo(longest);
        assertThatThrownBy(() -> Intake.record(null, PHONE, longest + "x", null, MARIA, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes")
                .hasMessageContaining(String.valueOf(Intake.NOTES_MAX_LENGTH));
        assertThat(Intake.NOTES_MAX_LENGTH).isEqualTo(4000);
    }

    @Test
    void operatorIsRequired() {
        assertThatThrownBy(() -> new Intake(UUID.randomUUID(), "Alice", PHONE, null, null, "  ", NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("operator");
    }
}
