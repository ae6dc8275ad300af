package io.ringside.ui;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules every CSV export shares: RFC 4180 quoting, CRLF lines, the formula guard. */
class CsvTest {

    private static String line(String... cells) {
        StringWriter out = new StringWriter();
        Csv.writeLine(out, cells);
        return out.toString();
    }

    @Test
    void cellsAreJoinedWithCommasAndTheLineEndsWithCrLf() {
        assertThat(line("a", "b", "c")).isEqualTo("a,b,c\r\n");
    }

    @Test
    void missingValuesAreEmptyCells() {
        assertThat(line("a", null, "", "d")).isEqualTo("a,,,d\r\n");
    }

    @Test
    void aCellWithACommaIsQuoted() {
        assertThat(Csv.cell("role OPERATOR → ADMIN, extension none → 104")).isEqualTo("\"role OPERATOR → ADMIN, extension none → 104\"");
    }

    @Test
    void quotesAreDoubledInsideAQuotedCell() {
        assertThat(Csv.cell("display name \"Mo\" → Maria")).isEqualTo("\"display name \"\"Mo\"\" → Maria\"");
    }

    @Test
    void lineBreaksStayInsideAQuotedCell() {
        assertThat(Csv.cell("first\nsecond")).isEqualTo("\"first\nsecond\"");
        assertThat(Csv.cell("first\r\nsecond")).isEqualTo("\"first\r\nsecond\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+1 602 555 1234", "-3", "@SUM(A1)", "\tx"})
    void aCellThatASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(String value) {
        assertThat(Csv.cell(value)).isEqualTo("'" + value);
    }

    @Test
    void aFormulaWithACommaIsPrefixedThenQuoted() {
        assertThat(Csv.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
    }

    @Test
    void aLeadingCarriageReturnIsPrefixedAndQuoted() {
        assertThat(Csv.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void aFormulaSignInsideTheTextIsLeftAlone() {
        assertThat(Csv.cell("Jane = caller, not + billing")).isEqualTo("\"Jane = caller, not + billing\"");
    }

    @Test
    void plainTextIsLeftAlone() {
        assertThat(Csv.cell("Maria López 104")).isEqualTo("Maria López 104");
        assertThat(Csv.cell("2026-11-22T10:00:40-07:00")).isEqualTo("2026-11-22T10:00:40-07:00");
    }
}
