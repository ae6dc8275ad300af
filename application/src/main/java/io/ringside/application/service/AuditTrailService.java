package io.ringside.application.service;

import io.ringside.application.port.in.ViewAuditTrail;
import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditQuery;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/** The audit page's reads: pages of a bounded size, so no request can ask the store for everything at once. */
public final class AuditTrailService implements ViewAuditTrail {

    /** The most entries one page may hold. */
    public static final int MAX_PAGE_SIZE = 500;

    private final AuditLog log;

    public AuditTrailService(AuditLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public List<AuditEntry> find(AuditQuery query, int offset, int limit) {
        Objects.requireNonNull(query, "query");
        if (offset < 0) {
            throw new IllegalArgumentException("A page starts at entry 0 or later, not " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " entries, not " + limit);
        }
        return log.find(query, offset, limit);
    }

    @Override
    public long count(AuditQuery query) {
        return log.count(Objects.requireNonNull(query, "query"));
    }

    @Override
    public void export(AuditQuery query, Consumer<AuditEntry> each) {
        log.forEach(Objects.requireNonNull(query, "query"), Objects.requireNonNull(each, "each"));
    }
}
