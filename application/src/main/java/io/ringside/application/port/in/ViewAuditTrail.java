package io.ringside.application.port.in;

import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditQuery;

import java.util.List;
import java.util.function.Consumer;

/** An admin reads the audit trail: filtered, paged, exported. Newest first. */
public interface ViewAuditTrail {

    List<AuditEntry> find(AuditQuery query, int offset, int limit);

    long count(AuditQuery query);

    /** Every matching entry, one by one (for a CSV export). */
    void export(AuditQuery query, Consumer<AuditEntry> each);
}
