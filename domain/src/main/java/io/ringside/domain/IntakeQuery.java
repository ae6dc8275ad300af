package io.ringside.domain;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * Which intakes to see: by number, by the caller's name (part of it, any case), by who saved them, in a
 * time range; each part optional.
 *
 * @param phone      the caller's number (however it was typed, it is one E.164 number here), or null
 * @param name       part of the caller's name, or null
 * @param operatorId who saved them, or null for everyone
 * @param from       saved at or after this instant, or null
 * @param to         saved before this instant, or null
 */
public record IntakeQuery(PhoneNumber phone, String name, UUID operatorId, Instant from, Instant to) {

    public static final IntakeQuery ALL = new IntakeQuery(null, null, null, null, null);

    public IntakeQuery {
        name = Text.blankToNull(name) == null ? null : name.strip().toLowerCase(Locale.ROOT);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the range comes before its start");
        }
    }

    public boolean matches(Intake intake) {
        return (phone == null || phone.equals(intake.phone()))
                && (name == null || intake.callerName() != null && intake.callerName().toLowerCase(Locale.ROOT).contains(name))
                && (operatorId == null || operatorId.equals(intake.operatorId()))
                && (from == null || !intake.savedAt().isBefore(from))
                && (to == null || intake.savedAt().isBefore(to));
    }
}
