package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditEntryTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");

    @Test
    void blankSubjectAndDetailAreAbsentNotEmpty() {
        AuditEntry entry = AuditEntry.of(T0, AuditKind.LOGOUT, MARIA, "  ", "", AuditOutcome.SUCCEEDED);

        assertThat(entry.subject()).isNull();
        assertThat(entry.detail()).isNull();
    }

    @Test
    void overlongTextIsShortenedWithAnEllipsisNotRefused() {
        AuditEntry entry = AuditEntry.of(T0, AuditKind.USER_CHANGED, MARIA, "s".repeat(500), "d".repeat(5000),
                AuditOutcome.SUCCEEDED);

        assertThat(entry.subject()).hasSize(AuditEntry.SUBJECT_MAX_LENGTH).endsWith("…");
        assertThat(entry.detail()).hasSize(AuditEntry.DETAIL_MAX_LENGTH).endsWith("…");
        assertThat(AuditEntry.of(T0, AuditKind.LOGOUT, MARIA, null, "d".repeat(AuditEntry.DETAIL_MAX_LENGTH),
                AuditOutcome.SUCCEEDED).detail()).doesNotContain("…");
    }

    @Test
    void eachEntryHasItsOwnId() {
        AuditEntry first = AuditEntry.of(T0, AuditKind.LOGOUT, MARIA, null, null, AuditOutcome.SUCCEEDED);
        AuditEntry second = AuditEntry.of(T0, AuditKind.LOGOUT, MARIA, null, null, AuditOutcome.SUCCEEDED);

        assertThat(first.id()).isNotEqualTo(second.id());
    }

    @Test
    void whoWhatWhenAndHowItEndedAreRequired() {
        assertThatThrownBy(() -> AuditEntry.of(null, AuditKind.LOGOUT, MARIA, null, null, AuditOutcome.SUCCEEDED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEntry.of(T0, null, MARIA, null, null, AuditOutcome.SUCCEEDED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEntry.of(T0, AuditKind.LOGOUT, null, null, null, AuditOutcome.SUCCEEDED))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AuditEntry.of(T0, AuditKind.LOGOUT, MARIA, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void ringsideItselfIsAnActorWithoutIdOrAddress() {
        Actor system = Actor.system();

        assertThat(system.isSystem()).isTrue();
        assertThat(system.userId()).isNull();
        assertThat(system.address()).isNull();
        assertThat(system.displayName()).isEqualTo("Ringside");
        assertThat(MARIA.isSystem()).isFalse();
    }

    @Test
    void anActorWithoutADisplayNameIsShownByUsername() {
        assertThat(new Actor(null, "ghost", " ", " ").displayName()).isEqualTo("ghost");
        assertThat(new Actor(null, "ghost", null, " ").address()).isNull();
    }
}
