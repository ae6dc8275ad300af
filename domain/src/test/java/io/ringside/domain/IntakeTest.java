package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeTest {

    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final Actor MARIA = new Actor(UUID.fromString("00000000-0000-0000-0000-0000000000aa"), "maria", "Maria Lopez", "10.0.0.7");
    private static final UUID OLIVIA = UUID.fromString("00000000-0000-0000-0000-0000000000bb");
    /** Arizona: UTC-7 all year; NOW is 08:00 there. */
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");

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

    // ---- versions and corrections ----------------------------------------------------------

    @Test
    void aNewIntakeHasNoVersionYetAndAStoredOneCannotHaveANegativeOne() {
        Intake intake = Intake.record("Alice", PHONE, null, null, MARIA, NOW);

        assertThat(intake.version()).isZero();
        assertThat(intake.atVersion(3).version()).isEqualTo(3);
        assertThat(intake.atVersion(3)).usingRecursiveComparison().ignoringFields("version").isEqualTo(intake);
        assertThatThrownBy(() -> intake.atVersion(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("version");
    }

    @Test
    void theOperatorMayCorrectHerIntakeUntilMidnightInRingsidesTimeZone() {
        Intake intake = Intake.record("Alice", PHONE, null, null, MARIA, NOW);
        Instant lastMinute = Instant.parse("2026-11-23T06:59:59Z"); // 23:59:59 in Phoenix, the 23rd in UTC
        Instant midnight = Instant.parse("2026-11-23T07:00:00Z");

        assertThat(intake.mayBeCorrectedBy(MARIA.userId(), false, NOW, PHOENIX)).isTrue();
        assertThat(intake.mayBeCorrectedBy(MARIA.userId(), false, lastMinute, PHOENIX)).isTrue();
        assertThat(intake.mayBeCorrectedBy(MARIA.userId(), false, midnight, PHOENIX)).isFalse();
        assertThat(intake.mayBeCorrectedBy(MARIA.userId(), false, lastMinute, ZoneId.of("UTC")))
                .as("in UTC that is already the next day").isFalse();
    }

    @Test
    void anotherOperatorMayNotCorrectItAnAdminMayAnyTime() {
        Intake intake = Intake.record("Alice", PHONE, null, null, MARIA, NOW);
        Instant monthsLater = NOW.plus(Duration.ofDays(120));

        assertThat(intake.mayBeCorrectedBy(OLIVIA, false, NOW, PHOENIX)).isFalse();
        assertThat(intake.mayBeCorrectedBy(null, false, NOW, PHOENIX)).isFalse();
        assertThat(intake.mayBeCorrectedBy(OLIVIA, true, monthsLater, PHOENIX)).isTrue();
        assertThat(intake.mayBeCorrectedBy(MARIA.userId(), true, monthsLater, PHOENIX)).isTrue();
    }

    @Test
    void anIntakeFromBeforePeopleHadIdsIsOnlyAnAdminsToCorrect() {
        Intake legacy = new Intake(UUID.randomUUID(), "Alice", PHONE, null, null, "maria", NOW);

        assertThat(legacy.mayBeCorrectedBy(MARIA.userId(), false, NOW, PHOENIX)).isFalse();
        assertThat(legacy.mayBeCorrectedBy(MARIA.userId(), true, NOW, PHOENIX)).isTrue();
    }

    @Test
    void aCorrectionChangesNameNumberAndNotesOnly() {
        Intake intake = Intake.record("Alice", PHONE, "Wants a callback", "s-1", MARIA, NOW).atVersion(2);
        PhoneNumber other = PhoneNumber.of("+16025559876");

        Intake corrected = intake.corrected(" Alice Jones ", other, "  ");

        assertThat(corrected.callerName()).isEqualTo("Alice Jones");
        assertThat(corrected.phone()).isEqualTo(other);
        assertThat(corrected.notes()).as("blank notes are no notes").isNull();
        assertThat(corrected.id()).isEqualTo(intake.id());
        assertThat(corrected.telephonySessionId()).isEqualTo("s-1");
        assertThat(corrected.operatorId()).isEqualTo(MARIA.userId());
        assertThat(corrected.operator()).isEqualTo("Maria Lopez");
        assertThat(corrected.savedAt()).isEqualTo(NOW);
        assertThat(corrected.version()).as("the version it was read at, for the store to check").isEqualTo(2);
    }

    @Test
    void aCorrectionFollowsTheSameRulesAsASave() {
        Intake intake = Intake.record("Alice", PHONE, null, null, MARIA, NOW);

        assertThatThrownBy(() -> intake.corrected("Alice", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number is required");
        assertThatThrownBy(() -> intake.corrected("n".repeat(Intake.NAME_MAX_LENGTH + 1), PHONE, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");
        assertThatThrownBy(() -> intake.corrected(null, PHONE, "x".repeat(Intake.NOTES_MAX_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("notes");
    }
}
