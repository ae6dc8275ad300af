package io.ringside.ui;

import io.ringside.domain.AuditEntry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The audit trail as CSV (RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled,
 * lines end with CRLF), for a spreadsheet. A cell that a spreadsheet would run as a formula (it starts
 * with {@code = + - @}, a tab or a CR) gets a leading {@code '}: a username or a detail is text typed by
 * someone, possibly a stranger at the login form. Times are ISO-8601 with the console zone's offset.
 * The caller writes the bytes as UTF-8.
 */
public final class AuditCsv {

    static final List<String> HEADER = List.of("When", "Username", "Display name", "What", "Subject", "Detail", "From", "Outcome");
    private static final String LINE_END = "\r\n";

    private final DateTimeFormatter when;

    public AuditCsv(ZoneId zone) {
        this.when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public void writeHeader(Writer out) {
        write(out, line(HEADER.stream()));
    }

    public void write(Writer out, AuditEntry entry) {
        write(out, line(Stream.of(when.format(entry.at()), entry.actor().username(), entry.actor().displayName(),
                entry.kind().label(), entry.subject(), entry.detail(), entry.actor().address(),
                AuditWording.outcome(entry.outcome()))));
    }

    private static String line(Stream<String> cells) {
        return cells.map(AuditCsv::cell).collect(Collectors.joining(",")) + LINE_END;
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String text = startsLikeAFormula(value) ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\r") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean startsLikeAFormula(String value) {
        return "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private static void write(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
