package io.ringside.ui;

import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class IntakeCsvTest {

    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private final IntakeCsv csv = new IntakeCsv(PHOENIX);

    private static Intake intake(String name, String notes) {
        return new Intake(UUID.randomUUID(), name, PhoneNumber.of("+16025551234"), notes, "s-1", UUID.randomUUID(),
                "Maria Lopez", Instant.parse("2026-11-22T17:00:40Z"), 3);
    }

    private String line(Intake intake) {
        StringWriter out = new StringWriter();
        csv.write(out, intake);
        return out.toString();
    }

    @Test
    void theHeaderNamesEveryColumnAndEndsWithCrLf() {
        StringWriter out = new StringWriter();
        csv.writeHeader(out);
        assertThat(out.toString()).isEqualTo("Saved,Name,Phone,Notes,Saved by\r\n");
    }

    @Test
    void anIntakeIsOneLineWithTheTimeInTheConsoleZoneAndTheNumberInE164() {
        // The number's leading + is a formula sign to a spreadsheet: guarded, it stays text and keeps its plus.
        assertThat(line(intake("Jane Doe", "wants a callback")))
                .isEqualTo("2026-11-22T10:00:40-07:00,Jane Doe,'+16025551234,wants a callback,Maria Lopez\r\n");
    }

    @Test
    void noNameAndNoNotesAreEmptyCells() {
        assertThat(line(intake(null, null))).isEqualTo("2026-11-22T10:00:40-07:00,,'+16025551234,,Maria Lopez\r\n");
    }

    @Test
    void notesWithCommasQuotesAndLineBreaksStayOneCell() {
        assertThat(line(intake("Jane Doe", "said \"urgent\", call back\r\nafter 5")))
                .isEqualTo("2026-11-22T10:00:40-07:00,Jane Doe,'+16025551234,\"said \"\"urgent\"\", call back\r\nafter 5\",Maria Lopez\r\n");
    }

    @Test
    void aNameThatIsAFormulaIsNeutralised() {
        assertThat(line(intake("=HYPERLINK(\"http://evil.example\",\"x\")", null)))
                .isEqualTo("2026-11-22T10:00:40-07:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",'+16025551234,,Maria Lopez\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-2+3", "+1 call back", "@SUM(A1:A9)", "=1+1"})
    void notesThatStartLikeAFormulaAreNeutralised(String notes) {
        assertThat(line(intake("Jane Doe", notes)))
                .isEqualTo("2026-11-22T10:00:40-07:00,Jane Doe,'+16025551234,'" + notes + ",Maria Lopez\r\n");
    }
}
