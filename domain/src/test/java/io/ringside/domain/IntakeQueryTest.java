package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", null);
    private static final Actor OLIVIA = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", null);

    private static Intake intake(String name, PhoneNumber phone, Actor by, Instant at) {
        return Intake.record(name, phone, null, null, by, at);
    }

    @Test
    void allMatchesEverything() {
        assertThat(IntakeQuery.ALL.matches(intake(null, PHONE, MARIA, T0))).isTrue();
        assertThat(IntakeQuery.ALL.matches(new Intake(UUID.randomUUID(), null, PHONE, null, null, "legacy", T0))).isTrue();
    }

    @Test
    void theNumberMustBeTheSame() {
        IntakeQuery query = new IntakeQuery(PHONE, null, null, null, null);

        assertThat(query.matches(intake("Alice", PHONE, MARIA, T0))).isTrue();
        assertThat(query.matches(intake("Alice", PhoneNumber.of("+16025551235"), MARIA, T0))).isFalse();
    }

    @Test
    void anyPartOfTheNameMatchesWhateverTheCaseTyped() {
        IntakeQuery query = new IntakeQuery(null, "  JONES ", null, null, null);

        assertThat(query.name()).isEqualTo("jones");
        assertThat(query.matches(intake("Alice Jones", PHONE, MARIA, T0))).isTrue();
        assertThat(query.matches(intake("Bob Jonesy", PHONE, MARIA, T0))).isTrue();
        assertThat(query.matches(intake("Alice Jone", PHONE, MARIA, T0))).isFalse();
        assertThat(query.matches(intake(null, PHONE, MARIA, T0))).as("no name, no match").isFalse();
    }

    @Test
    void aBlankNameFiltersNothing() {
        IntakeQuery query = new IntakeQuery(null, "   ", null, null, null);

        assertThat(query.name()).isNull();
        assertThat(query.matches(intake(null, PHONE, MARIA, T0))).isTrue();
    }

    @Test
    void savedByMeansThatPersonOnly() {
        IntakeQuery marias = new IntakeQuery(null, null, MARIA.userId(), null, null);

        assertThat(marias.matches(intake("Alice", PHONE, MARIA, T0))).isTrue();
        assertThat(marias.matches(intake("Alice", PHONE, OLIVIA, T0))).isFalse();
        assertThat(marias.matches(new Intake(UUID.randomUUID(), "Alice", PHONE, null, null, "maria", T0)))
                .as("an intake from before people had ids is nobody's by id").isFalse();
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        Instant end = T0.plusSeconds(3600);
        IntakeQuery hour = new IntakeQuery(null, null, null, T0, end);

        assertThat(hour.matches(intake(null, PHONE, MARIA, T0.minusNanos(1)))).isFalse();
        assertThat(hour.matches(intake(null, PHONE, MARIA, T0))).isTrue();
        assertThat(hour.matches(intake(null, PHONE, MARIA, end.minusNanos(1)))).isTrue();
        assertThat(hour.matches(intake(null, PHONE, MARIA, end))).isFalse();
        assertThat(new IntakeQuery(null, null, null, T0, null).matches(intake(null, PHONE, MARIA, T0.plusSeconds(86_400 * 400L))))
                .as("open-ended").isTrue();
        assertThat(new IntakeQuery(null, null, null, null, end).matches(intake(null, PHONE, MARIA, T0.minusSeconds(86_400 * 400L))))
                .as("open-started").isTrue();
    }

    @Test
    void aRangeEndingBeforeItStartsIsRefusedWithAMessage() {
        assertThatThrownBy(() -> new IntakeQuery(null, null, null, T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The end of the range comes before its start");
        assertThat(new IntakeQuery(null, null, null, T0, T0).matches(intake(null, PHONE, MARIA, T0)))
                .as("an empty range is allowed and matches nothing").isFalse();
    }

    @Test
    void everyPartMustMatch() {
        IntakeQuery query = new IntakeQuery(PHONE, "alice", MARIA.userId(), T0, T0.plusSeconds(60));

        assertThat(query.matches(intake("Alice", PHONE, MARIA, T0))).isTrue();
        assertThat(query.matches(intake("Bob", PHONE, MARIA, T0))).isFalse();
        assertThat(query.matches(intake("Alice", PHONE, OLIVIA, T0))).isFalse();
        assertThat(query.matches(intake("Alice", PHONE, MARIA, T0.plusSeconds(60)))).isFalse();
    }
}
