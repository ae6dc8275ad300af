package io.ringside.application.service;

import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditRetentionTest {

    private static final Instant NOW = Instant.parse("2026-11-29T03:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final AuditRetention retention = new AuditRetention(log, new Auditor(log, clock), clock, AuditRetention.DEFAULT);

    private AuditEntry writtenAgo(Duration age) {
        AuditEntry entry = AuditEntry.of(NOW.minus(age), AuditKind.LOGOUT, Actor.system(), null, null, AuditOutcome.SUCCEEDED);
        log.append(entry);
        return entry;
    }

    @Test
    void removesWhatIsOlderThanAYearKeepsTheRestAndSaysSoInOneEntry() {
        writtenAgo(Duration.ofDays(400));
        writtenAgo(Duration.ofDays(365).plusSeconds(1));
        AuditEntry exactlyAYear = writtenAgo(Duration.ofDays(365));
        AuditEntry recent = writtenAgo(Duration.ofDays(3));

        assertThat(retention.purge()).isEqualTo(2);

        AuditEntry purged = log.of(AuditKind.AUDIT_PURGED).getFirst();
        assertThat(log.entries()).containsExactly(exactlyAYear, recent, purged);
        assertThat(purged.actor()).isEqualTo(Actor.system());
        assertThat(purged.at()).isEqualTo(NOW);
        assertThat(purged.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(purged.detail()).isEqualTo("Removed 2 entries older than 365 days");
    }

    @Test
    void nothingToRemoveWritesNothing() {
        writtenAgo(Duration.ofDays(10));

        assertThat(retention.purge()).isZero();
        assertThat(log.entries()).hasSize(1);
    }

    @Test
    void theRetentionIsASetting() {
        AuditRetention month = new AuditRetention(log, new Auditor(log, clock), clock, Duration.ofDays(30));
        writtenAgo(Duration.ofDays(31));
        writtenAgo(Duration.ofDays(29));

        assertThat(month.purge()).isEqualTo(1);
        assertThat(log.of(AuditKind.AUDIT_PURGED).getFirst().detail()).isEqualTo("Removed 1 entry older than 30 days");
    }

    @Test
    void aRetentionShorterThanADayOrNotInWholeDaysIsRefused() {
        assertThatThrownBy(() -> new AuditRetention(log, new Auditor(log, clock), clock, Duration.ofHours(12)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number of days");
        assertThatThrownBy(() -> new AuditRetention(log, new Auditor(log, clock), clock, Duration.ofHours(36)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
