package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditQueryTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");

    private static AuditEntry entry(Actor actor, AuditKind kind, Instant at) {
        return AuditEntry.of(at, kind, actor, null, null, AuditOutcome.SUCCEEDED);
    }

    @Test
    void allMatchesEverything() {
        assertThat(AuditQuery.ALL.matches(entry(Actor.system(), AuditKind.AUDIT_PURGED, T0))).isTrue();
    }

    @Test
    void theUsernameIsMatchedWhateverTheCaseTyped() {
        AuditQuery maria = new AuditQuery(" Maria ", null, null, null);

        assertThat(maria.username()).isEqualTo("maria");
        assertThat(maria.matches(entry(MARIA, AuditKind.LOGOUT, T0))).isTrue();
        assertThat(maria.matches(entry(Actor.system(), AuditKind.LOGOUT, T0))).isFalse();
        assertThat(new AuditQuery("  ", null, null, null).username()).isNull();
    }

    @Test
    void theKindMustBeTheSame() {
        AuditQuery saves = new AuditQuery(null, AuditKind.INTAKE_SAVED, null, null);

        assertThat(saves.matches(entry(MARIA, AuditKind.INTAKE_SAVED, T0))).isTrue();
        assertThat(saves.matches(entry(MARIA, AuditKind.LOGOUT, T0))).isFalse();
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        Instant from = T0;
        Instant to = T0.plusSeconds(3600);
        AuditQuery hour = new AuditQuery(null, null, from, to);

        assertThat(hour.matches(entry(MARIA, AuditKind.LOGOUT, from.minusNanos(1)))).isFalse();
        assertThat(hour.matches(entry(MARIA, AuditKind.LOGOUT, from))).isTrue();
        assertThat(hour.matches(entry(MARIA, AuditKind.LOGOUT, to.minusNanos(1)))).isTrue();
        assertThat(hour.matches(entry(MARIA, AuditKind.LOGOUT, to))).isFalse();
        assertThat(new AuditQuery(null, null, from, null).matches(entry(MARIA, AuditKind.LOGOUT, to.plusSeconds(86400)))).isTrue();
        assertThat(new AuditQuery(null, null, null, to).matches(entry(MARIA, AuditKind.LOGOUT, Instant.EPOCH))).isTrue();
    }

    @Test
    void anEndBeforeTheStartIsRefusedWithAMessage() {
        assertThatThrownBy(() -> new AuditQuery(null, null, T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The end of the range comes before its start");
    }
}
