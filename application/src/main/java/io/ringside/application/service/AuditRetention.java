package io.ringside.application.service;

import io.ringside.application.port.out.AuditLog;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Keeps the audit trail from growing for ever: {@link #purge()} (bootstrap calls it daily) removes the
 * entries older than the retention and says so in the trail itself.
 */
public final class AuditRetention {

    public static final Duration DEFAULT = Duration.ofDays(365);

    private final AuditLog log;
    private final Auditor auditor;
    private final Clock clock;
    private final Duration retention;

    /**
     * @throws IllegalArgumentException when {@code retention} is shorter than a day or not whole days
     */
    public AuditRetention(AuditLog log, Auditor auditor, Clock clock, Duration retention) {
        this.log = Objects.requireNonNull(log, "log");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(retention, "retention");
        if (retention.compareTo(Duration.ofDays(1)) < 0 || !retention.equals(Duration.ofDays(retention.toDays()))) {
            throw new IllegalArgumentException("The audit retention is a whole number of days, at least 1, not " + retention);
        }
        this.retention = retention;
    }

    /** @return how many entries were removed */
    public int purge() {
        int removed = log.deleteBefore(clock.instant().minus(retention));
        if (removed > 0) {
            auditor.succeeded(AuditKind.AUDIT_PURGED, Actor.system(), null,
                    "Removed " + removed + (removed == 1 ? " entry" : " entries") + " older than " + days());
        }
        return removed;
    }

    public Duration retention() {
        return retention;
    }

    private String days() {
        long days = retention.toDays();
        return days == 1 ? "1 day" : days + " days";
    }
}
