package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One line of the audit trail: who did what, when, from which address, and how it ended. Entries are
 * only ever added (and purged when older than the retention).
 *
 * @param actor   who did it (a person, a username that was tried, or Ringside itself)
 * @param subject what it was done to: a username, a phone number, the RingCentral connection; or null
 * @param detail  a short sentence with what else matters (what changed, why it failed); never a secret
 */
public record AuditEntry(UUID id, Instant at, AuditKind kind, Actor actor, String subject, String detail, AuditOutcome outcome) {

    public static final int SUBJECT_MAX_LENGTH = 200;
    public static final int DETAIL_MAX_LENGTH = 1000;

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(actor, "actor");
        subject = shortened(Text.blankToNull(subject), SUBJECT_MAX_LENGTH);
        detail = shortened(Text.blankToNull(detail), DETAIL_MAX_LENGTH);
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEntry of(Instant at, AuditKind kind, Actor actor, String subject, String detail, AuditOutcome outcome) {
        return new AuditEntry(UUID.randomUUID(), at, kind, actor, subject, detail, outcome);
    }

    private static String shortened(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
