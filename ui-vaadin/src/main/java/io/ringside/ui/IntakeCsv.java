package io.ringside.ui;

import io.ringside.domain.Intake;

import java.io.Writer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Intakes as CSV ({@link Csv}'s rules: RFC 4180 and the formula guard on every cell, since names and
 * notes are typed by people and may start with {@code =}). The time is ISO-8601 with the console zone's
 * offset; the phone is E.164, so a spreadsheet or another system reads one unambiguous number (the guard
 * gives it a leading {@code '}, which also stops a spreadsheet turning {@code +16025551234} into a
 * number without its plus).
 */
public final class IntakeCsv {

    static final List<String> HEADER = List.of("Saved", "Name", "Phone", "Notes", "Saved by");

    private final DateTimeFormatter saved;

    public IntakeCsv(ZoneId zone) {
        this.saved = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
    }

    public void writeHeader(Writer out) {
        Csv.writeLine(out, HEADER);
    }

    public void write(Writer out, Intake intake) {
        Csv.writeLine(out, saved.format(intake.savedAt()), intake.callerName(), intake.phone().e164(), intake.notes(),
                intake.operator());
    }
}
