package io.ringside.application.testing;

import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditQuery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/** An audit trail in memory that tests read back: every entry appended, in order. */
public final class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public synchronized List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return newestFirst(query).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public synchronized long count(AuditQuery query) {
        return entries.stream().filter(query::matches).count();
    }

    @Override
    public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
        newestFirst(query).forEach(each);
    }

    @Override
    public synchronized int deleteBefore(Instant cutoff) {
        int before = entries.size();
        entries.removeIf(entry -> entry.at().isBefore(cutoff));
        return before - entries.size();
    }

    /** Every entry, oldest first (as appended). */
    public synchronized List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    public synchronized List<AuditEntry> entries(AuditKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** The only entry there is; fails when there are none or several. */
    public synchronized AuditEntry only() {
        if (entries.size() != 1) {
            throw new AssertionError("Expected exactly one audit entry, found " + entries);
        }
        return entries.getFirst();
    }

    public synchronized void clear() {
        entries.clear();
    }

    private synchronized List<AuditEntry> newestFirst(AuditQuery query) {
        return entries.stream().filter(query::matches).sorted(Comparator.comparing(AuditEntry::at).reversed()).toList();
    }
}
