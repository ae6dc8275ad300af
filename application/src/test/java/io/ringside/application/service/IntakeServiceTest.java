package io.ringside.application.service;

import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.application.port.in.SaveOutcome;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeServiceTest {

    /** Arizona: UTC-7 all year. The clock itself runs in UTC, as a server's often does. */
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final Actor OPERATOR = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", "10.0.0.7");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"));
    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final IntakeService service = new IntakeService(store, clock, PHOENIX);

    @Test
    void savesWhatTheOperatorTypedAtTheClocksTime() {
        Intake saved = saved(service.save("Alice Jones", PHONE, "Wants a callback", "session-1", OPERATOR, false));

        assertThat(saved.savedAt()).isEqualTo(clock.instant());
        assertThat(saved.operator()).isEqualTo("Olivia Park");
        assertThat(store.forCall("session-1")).containsExactly(saved);
        assertThat(store.forNumber(PHONE)).containsExactly(saved);
    }

    @Test
    void anUnacceptableFieldIsRefusedWithAMessageAndNothingIsSaved() {
        assertThatThrownBy(() -> service.save("Alice", null, null, null, OPERATOR, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number");
        assertThatThrownBy(() -> service.save("x".repeat(Intake.NAME_MAX_LENGTH + 1), PHONE, null, null, OPERATOR, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");

        assertThat(store.forNumber(PHONE)).isEmpty();
    }

    @Test
    void todayIsTheDayInTheConfiguredZoneNewestFirst() {
        // 23:30 yesterday in Phoenix is 06:30 today in UTC: it must not count as today.
        Intake lateYesterday = saveAt("2026-11-22T06:30:00Z");
        Intake midnight = saveAt("2026-11-22T07:00:00Z");      // 00:00 in Phoenix
        Intake justAfterMidnight = saveAt("2026-11-22T07:10:00Z"); // 00:10 in Phoenix
        Intake thisMorning = saveAt("2026-11-22T15:00:00Z");   // 08:00 in Phoenix
        Intake tomorrow = saveAt("2026-11-23T07:00:00Z");      // 00:00 tomorrow in Phoenix

        clock.set(Instant.parse("2026-11-22T15:30:00Z"));

        assertThat(service.today()).containsExactly(thisMorning, justAfterMidnight, midnight)
                .doesNotContain(lateYesterday, tomorrow);
    }

    @Test
    void justBeforeMidnightInTheZoneItIsStillTheSameDay() {
        Intake earlyMorning = saveAt("2026-11-22T08:00:00Z"); // 01:00 in Phoenix on the 22nd
        // 23:50 on the 22nd in Phoenix, already the 23rd in UTC.
        clock.set(Instant.parse("2026-11-23T06:50:00Z"));

        assertThat(service.today()).containsExactly(earlyMorning);
    }

    @Test
    void theZoneIsTheConfiguredOneNotTheClocks() {
        Intake lateYesterdayInPhoenix = saveAt("2026-11-22T06:30:00Z");
        clock.set(Instant.parse("2026-11-22T15:30:00Z"));

        assertThat(new IntakeService(store, clock, ZoneOffset.UTC).today()).containsExactly(lateYesterdayInPhoenix);
        assertThat(service.today()).isEmpty();
    }

    private Intake saveAt(String instant) {
        clock.set(Instant.parse(instant));
        return saved(service.save(null, PHONE, null, null, OPERATOR, false));
    }

    private static Intake saved(SaveOutcome outcome) {
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).intake();
    }
}
