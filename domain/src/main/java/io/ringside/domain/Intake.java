package io.ringside.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.UUID;

/**
 * What an operator saved about a caller.
 *
 * @param callerName         the caller's name as the operator typed it, or null
 * @param telephonySessionId the RingCentral call it came from, or null when typed by hand
 * @param operatorId         the id of the Ringside user who saved it, or null for intakes saved before users had ids
 * @param operator           that user's display name when they saved it
 * @param version            the stored version, for optimistic locking of corrections (0 before it is stored)
 */
public record Intake(UUID id, String callerName, PhoneNumber phone, String notes, String telephonySessionId,
                     UUID operatorId, String operator, Instant savedAt, long version) {

    public static final int NAME_MAX_LENGTH = 200;
    public static final int NOTES_MAX_LENGTH = 4000;

    public Intake {
        Objects.requireNonNull(id, "id");
        callerName = Text.requireAtMost(Text.blankToNull(callerName), NAME_MAX_LENGTH, "The name");
        if (phone == null) {
            // SaveIntake promises an IllegalArgumentException with a message for the operator.
            throw new IllegalArgumentException("A phone number is required");
        }
        notes = Text.requireAtMost(Text.blankToNull(notes), NOTES_MAX_LENGTH, "The notes");
        telephonySessionId = Text.blankToNull(telephonySessionId);
        operator = Text.requireText(operator, "The operator");
        Objects.requireNonNull(savedAt, "savedAt");
        if (version < 0) {
            throw new IllegalArgumentException("A version cannot be negative");
        }
    }

    /** An intake not yet stored. */
    public Intake(UUID id, String callerName, PhoneNumber phone, String notes, String telephonySessionId,
                  UUID operatorId, String operator, Instant savedAt) {
        this(id, callerName, phone, notes, telephonySessionId, operatorId, operator, savedAt, 0);
    }

    /** An intake by someone Ringside knows only by name (saved before people had accounts). */
    public Intake(UUID id, String callerName, PhoneNumber phone, String notes, String telephonySessionId,
                  String operator, Instant savedAt) {
        this(id, callerName, phone, notes, telephonySessionId, null, operator, savedAt);
    }

    public static Intake record(String callerName, PhoneNumber phone, String notes, String telephonySessionId,
                                Actor savedBy, Instant now) {
        return new Intake(UUID.randomUUID(), callerName, phone, notes, telephonySessionId, savedBy.userId(),
                savedBy.displayName(), now);
    }

    /** Whether {@code user} saved this. */
    public boolean isBy(UUID user) {
        return operatorId != null && operatorId.equals(user);
    }

    /**
     * Whether {@code user} may correct this intake now: an admin always; the operator who saved it on the day
     * they saved it ({@code zone}'s calendar day, Ringside's "today"); nobody else.
     */
    public boolean mayBeCorrectedBy(UUID user, boolean admin, Instant now, ZoneId zone) {
        if (admin) {
            return true;
        }
        return isBy(user) && LocalDate.ofInstant(savedAt, zone).equals(LocalDate.ofInstant(now, zone));
    }

    /** This intake with corrected name, phone and notes; who saved it, when and from which call stay. */
    public Intake corrected(String newCallerName, PhoneNumber newPhone, String newNotes) {
        return new Intake(id, newCallerName, newPhone, newNotes, telephonySessionId, operatorId, operator, savedAt, version);
    }

    /** This intake as stored at {@code newVersion}. */
    public Intake atVersion(long newVersion) {
        return new Intake(id, callerName, phone, notes, telephonySessionId, operatorId, operator, savedAt, newVersion);
    }
}
