package io.ringside.ui;

import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's columns; the quoting and formula rules themselves are {@link CsvTest}'s. */
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
    void aDetailWithACommaStaysOneCell() {
        assertThat(line(entry("ada", "Ada Admin", "maria", "role OPERATOR → ADMIN, extension none → 104", null)))
                .isEqualTo("2026-11-22T10:00:40-07:00,ada,Ada Admin,Login failed,maria,\"role OPERATOR → ADMIN, extension none → 104\",,Failed\r\n");
    }

    @Test
    void aUsernameTypedAtTheLoginFormAsAFormulaIsNeutralised() {
        assertThat(line(entry("=HYPERLINK(\"http://evil.example\",\"x\")", null, null, null, null)))
                .startsWith("2026-11-22T10:00:40-07:00,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",");
    }
}
