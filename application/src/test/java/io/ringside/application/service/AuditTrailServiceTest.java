package io.ringside.application.service;

import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditTrailServiceTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");

    private final InMemoryAuditLog log = new InMemoryAuditLog();
    private final AuditTrailService trail = new AuditTrailService(log);

    private AuditEntry write(int minutesAfter, AuditKind kind) {
        AuditEntry entry = AuditEntry.of(T0.plusSeconds(60L * minutesAfter), kind, MARIA, null, null, AuditOutcome.SUCCEEDED);
        log.append(entry);
        return entry;
    }

    @Test
    void pagesAreNewestFirstAndFiltered() {
        AuditEntry first = write(0, AuditKind.LOGIN_SUCCEEDED);
        AuditEntry saved = write(1, AuditKind.INTAKE_SAVED);
        AuditEntry second = write(2, AuditKind.LOGIN_SUCCEEDED);
        AuditQuery logins = new AuditQuery(null, AuditKind.LOGIN_SUCCEEDED, null, null);

        assertThat(trail.find(AuditQuery.ALL, 0, 2)).containsExactly(second, saved);
        assertThat(trail.find(AuditQuery.ALL, 2, 2)).containsExactly(first);
        assertThat(trail.find(logins, 0, 10)).containsExactly(second, first);
        assertThat(trail.count(logins)).isEqualTo(2);
        assertThat(trail.count(AuditQuery.ALL)).isEqualTo(3);
    }

    @Test
    void aPageHoldsOneToFiveHundredEntriesFromAnOffsetOfZeroOrMore() {
        write(0, AuditKind.LOGOUT);

        assertThat(trail.find(AuditQuery.ALL, 0, 1)).hasSize(1);
        assertThat(trail.find(AuditQuery.ALL, 0, AuditTrailService.MAX_PAGE_SIZE)).hasSize(1);
        assertThatThrownBy(() -> trail.find(AuditQuery.ALL, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> trail.find(AuditQuery.ALL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 500");
        assertThatThrownBy(() -> trail.find(AuditQuery.ALL, 0, 501))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 500");
    }

    @Test
    void exportHandsOverEveryMatchingEntryNewestFirst() {
        AuditEntry first = write(0, AuditKind.USER_ADDED);
        write(1, AuditKind.LOGOUT);
        AuditEntry second = write(2, AuditKind.USER_ADDED);
        List<AuditEntry> exported = new ArrayList<>();

        trail.export(new AuditQuery("MARIA", AuditKind.USER_ADDED, null, null), exported::add);

        assertThat(exported).containsExactly(second, first);
    }
}
