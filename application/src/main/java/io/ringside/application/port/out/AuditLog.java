package io.ringside.application.port.out;

import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditQuery;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/** The audit trail: append-only (entries older than the retention are purged). Every list is newest first. */
public interface AuditLog {

    void append(AuditEntry entry);

    /** One page of the entries that match: skips {@code offset}, returns at most {@code limit}. */
    List<AuditEntry> find(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** Every matching entry, streamed (for an export), without holding them all in memory. */
    void forEach(AuditQuery query, Consumer<AuditEntry> each);

    /** Removes entries before {@code cutoff}; returns how many. */
    int deleteBefore(Instant cutoff);
}
