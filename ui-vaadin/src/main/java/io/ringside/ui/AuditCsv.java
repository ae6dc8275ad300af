package io.ringside.ui;

import io.ringside.domain.AuditEntry;

import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The audit trail as CSV ({@link Csv}'s rules: RFC 4180 and the formula guard, since a username or a
 * detail is text typed by someone, possibly a stranger at the login form). Times are ISO-8601 with the
 * console zone's offset.
 */
public final class AuditCsv {

    static final List<String> HEADER = List.of("When", "Username", "Display name", "What", "Subject", "Detail", "From", "Outcome");

    private final DateTimeFormatter when;

    public AuditCsv(ZoneId zone) {
        this.when = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public void writeHeader(Writer out) {
        Csv.writeLine(out, HEADER);
    }

    public void write(Writer out, AuditEntry entry) {
        Csv.writeLine(out, when.format(entry.at()), entry.actor().username(), entry.actor().displayName(),
                entry.kind().label(), entry.subject(), entry.detail(), entry.actor().address(),
                AuditWording.outcome(entry.outcome()));
    }
}
