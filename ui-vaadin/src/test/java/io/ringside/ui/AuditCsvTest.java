package io.ringside.ui;

import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTest {

    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private final AuditCsv csv = new AuditCsv(PHOENIX);

    private static AuditEntry entry(String username, String displayName, String subject, String detail, String address) {
        return new AuditEntry(UUID.randomUUID(), Instant.parse("2026-11-22T17:00:40Z"), AuditKind.LOGIN_FAILED,
                new Actor(null, username, displayName, address), subject, detail, AuditOutcome.FAILED);
    }

    private String line(AuditEntry entry) {
        StringWriter out = new StringWriter();
        csv.write(out, entry);
        return out.toString();
    }

    private String detailCell(String detail) {
        String line = line(entry("maria", "Maria Lopez", null, detail, null));
        return line.substring("2026-11-22T10:00:40-07:00,maria,Maria Lopez,Login failed,,".length(),
                line.length() - ",,Failed\r\n".length());
    }

    @Test
    void theHeaderNamesEveryColumnAndEndsWithCrLf() {
        StringWriter out = new StringWriter();
        csv.writeHeader(out);
        assertThat(out.toString()).isEqualTo("When,Username,Display name,What,Subject,Detail,From,Outcome\r\n");
    }

    @Test
    void anEntryIsOneLineWithTheTimeInTheConsoleZoneWithItsOffset() {
        assertThat(line(entry("maria", "Maria Lopez", "maria", "wrong password", "203.0.113.7")))
                .isEqualTo("2026-11-22T10:00:40-07:00,maria,Maria Lopez,Login failed,maria,wrong password,203.0.113.7,Failed\r\n");
    }

    @Test
    void missingValuesAreEmptyCells() {
        assertThat(line(entry("ringside", "Ringside", null, null, null)))
                .isEqualTo("2026-11-22T10:00:40-07:00,ringside,Ringside,Login failed,,,,Failed\r\n");
    }

    @Test
    void aCellWithACommaIsQuoted() {
        assertThat(detailCell("role OPERATOR → ADMIN, extension none → 104")).isEqualTo("\"role OPERATOR → ADMIN, extension none → 104\"");
    }

    @Test
    void quotesAreDoubledInsideAQuotedCell() {
        assertThat(detailCell("display name \"Mo\" → Maria")).isEqualTo("\"display name \"\"Mo\"\" → Maria\"");
    }

    @Test
    void lineBreaksStayInsideAQuotedCell() {
        assertThat(detailCell("first\nsecond")).isEqualTo("\"first\nsecond\"");
        assertThat(detailCell("first\r\nsecond")).isEqualTo("\"first\r\nsecond\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1 602 555 1234", "-3", "@SUM(A1)", "\tx"})
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(String value) {
        assertThat(AuditCsv.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void aFormulaWithACommaIsPrefixedThenQuoted() {
        assertThat(line(entry("=HYPERLINK(\"http://evil.example\",\"x\")", null, null, null, null)))
                .startsWith("2026-11-22T10:00:40-07:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");
    }

    @Test
    void aLeadingCarriageReturnIsPrefixedAndQuoted() {
        assertThat(AuditCsv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(AuditCsv.cell("Maria López 104")).isEqualTo("Maria López 104");
        assertThat(AuditCsv.cell("2026-11-22T10:00:40-07:00")).isEqualTo("2026-11-22T10:00:40-07:00");
    }
}
