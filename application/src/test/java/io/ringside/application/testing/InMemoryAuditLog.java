package io.ringside.application.testing;

import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditQuery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The audit trail in a list: what a test reads to check that each audited action wrote exactly one entry. */
public class InMemoryAuditLog implements AuditLog {

    private final List<AuditEntry> entries = new CopyOnWriteArrayList<>();

    @Override
    public void append(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        return matching(query).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count(AuditQuery query) {
        return matching(query).size();
    }

    @Override
    public void forEach(AuditQuery query, Consumer<AuditEntry> each) {
        matching(query).forEach(each);
    }

    @Override
    public int deleteBefore(Instant cutoff) {
        List<AuditEntry> old = entries.stream().filter(entry -> entry.at().isBefore(cutoff)).toList();
        entries.removeAll(old);
        return old.size();
    }

    /** Every entry, in the order written. */
    public List<AuditEntry> entries() {
        return List.copyOf(entries);
    }

    /** The entries of one kind, in the order written. */
    public List<AuditEntry> of(AuditKind kind) {
        return entries.stream().filter(entry -> entry.kind() == kind).toList();
    }

    /** The one entry written; fails when there is none or more than one. */
    public AuditEntry only() {
        if (entries.size() != 1) {
            throw new AssertionError("Expected exactly one audit entry, found " + entries.size() + ": " + entries);
        }
        return entries.getFirst();
    }

    private List<AuditEntry> matching(AuditQuery query) {
        // Newest first; of entries written at the same instant, the later written first.
        return entries.reversed().stream().filter(query::matches)
                .sorted(Comparator.comparing(AuditEntry::at).reversed())
                .toList();
    }
}
