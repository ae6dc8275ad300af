package io.ringside.application.service;

import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;

import java.time.Clock;
import java.util.Objects;

/** Writes one audit entry per audited action, stamped with Ringside's clock. */
public final class Auditor {

    private final AuditLog log;
    private final Clock clock;

    public Auditor(AuditLog log, Clock clock) {
        this.log = Objects.requireNonNull(log, "log");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public void record(AuditKind kind, Actor actor, String subject, String detail, AuditOutcome outcome) {
        log.append(AuditEntry.of(clock.instant(), kind, actor, subject, detail, outcome));
    }

    public void succeeded(AuditKind kind, Actor actor, String subject, String detail) {
        record(kind, actor, subject, detail, AuditOutcome.SUCCEEDED);
    }
}
