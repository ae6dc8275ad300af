package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One correction of an intake, kept for good: who made it, when, and the name, phone and notes before
 * and after.
 */
public record IntakeEdit(UUID id, UUID intakeId, Actor by, Instant at, Intake before, Intake after) {

    public IntakeEdit {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(intakeId, "intakeId");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (!before.id().equals(intakeId) || !after.id().equals(intakeId)) {
            throw new IllegalArgumentException("An edit is of one intake");
        }
    }

    public static IntakeEdit of(Intake before, Intake after, Actor by, Instant at) {
        return new IntakeEdit(UUID.randomUUID(), before.id(), by, at, before, after);
    }

    /** "name Jane → Jane Doe; phone … → …", what changed, for the audit trail and the history. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        change(text, "name", before.callerName(), after.callerName());
        change(text, "phone", before.phone().e164(), after.phone().e164());
        change(text, "notes", before.notes(), after.notes());
        return text.toString();
    }

    public boolean changesAnything() {
        return !describe().isEmpty();
    }

    private static void change(StringBuilder text, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(what).append(' ').append(before == null ? "(none)" : before).append(" → ").append(after == null ? "(none)" : after);
        }
    }
}
