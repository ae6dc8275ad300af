package io.ringside.domain;

import java.time.Instant;

/**
 * Which audit entries to see: by username (the actor), by kind, in a time range; each part optional.
 *
 * @param username the actor's username, or null for everyone
 * @param kind     one kind, or null for all
 * @param from     entries at or after this instant, or null
 * @param to       entries before this instant, or null
 */
public record AuditQuery(String username, AuditKind kind, Instant from, Instant to) {

    public static final AuditQuery ALL = new AuditQuery(null, null, null, null);

    public AuditQuery {
        username = Text.blankToNull(username) == null ? null : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("The end of the range comes before its start");
        }
    }

    public boolean matches(AuditEntry entry) {
        return (username == null || username.equals(entry.actor().username()))
                && (kind == null || kind == entry.kind())
                && (from == null || !entry.at().isBefore(from))
                && (to == null || entry.at().isBefore(to));
    }
}
