package io.ringside.application.service;

import io.ringside.application.port.in.SaveOutcome;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryClaimStore;
import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.application.testing.LoopbackSignals;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Duration;
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
    private static final Actor OLIVIA = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", "10.0.0.7");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T15:00:00Z"));
    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final CallerClaims claims = new CallerClaims(new InMemoryClaimStore(), new LoopbackSignals(), clock);
    private final IntakeService service = new IntakeService(store, new Auditor(audit, clock), claims, clock, PHOENIX);

    @Test
    void savesWhatTheOperatorTypedAtTheClocksTimeWithWhoSavedIt() {
        Intake saved = saved(service.save("Alice Jones", PHONE, "Wants a callback", "session-1", OLIVIA, false));

        assertThat(saved.savedAt()).isEqualTo(clock.instant());
        assertThat(saved.operatorId()).isEqualTo(OLIVIA.userId());
        assertThat(saved.operator()).isEqualTo("Olivia Park");
        assertThat(store.forCall("session-1")).containsExactly(saved);
        assertThat(store.forNumber(PHONE)).containsExactly(saved);
    }

    @Test
    void anUnacceptableFieldIsRefusedWithAMessageAndNothingIsSavedOrAudited() {
        assertThatThrownBy(() -> service.save("Alice", null, null, null, OLIVIA, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("phone number");
        assertThatThrownBy(() -> service.save("x".repeat(Intake.NAME_MAX_LENGTH + 1), PHONE, null, null, OLIVIA, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name");

        assertThat(store.forNumber(PHONE)).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    // ---- asking before saving over a colleague's intake --------------------------------------

    @Test
    void asksWhenAColleagueSavedForTheNumberWithinFifteenMinutes() {
        Intake marias = saved(service.save("Alice Jones", PHONE, null, null, MARIA, false));
        clock.advance(Duration.ofMinutes(3));

        SaveOutcome outcome = service.save("Alice J.", PHONE, "Second call", null, OLIVIA, false);

        assertThat(outcome).isEqualTo(new SaveOutcome.SavedRecentlyByAnother("Maria Lopez", marias.savedAt()));
        assertThat(store.forNumber(PHONE)).containsExactly(marias);
        assertThat(audit.entries()).as("asking is not saving").hasSize(1);
    }

    @Test
    void asksUpToTheLastMomentOfTheFifteenMinutes() {
        service.save(null, PHONE, null, null, MARIA, false);
        clock.advance(Duration.ofMinutes(15));

        assertThat(service.save(null, PHONE, null, null, OLIVIA, false)).isInstanceOf(SaveOutcome.SavedRecentlyByAnother.class);
    }

    @Test
    void doesNotAskWhenTheSamePersonSavedForTheNumber() {
        service.save(null, PHONE, "First", null, OLIVIA, false);
        clock.advance(Duration.ofMinutes(2));

        assertThat(service.save(null, PHONE, "Second", null, OLIVIA, false)).isInstanceOf(SaveOutcome.Saved.class);
        assertThat(store.forNumber(PHONE)).hasSize(2);
    }

    @Test
    void doesNotAskAfterFifteenMinutes() {
        service.save(null, PHONE, null, null, MARIA, false);
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        assertThat(service.save(null, PHONE, null, null, OLIVIA, false)).isInstanceOf(SaveOutcome.Saved.class);
    }

    @Test
    void doesNotAskAboutAnotherNumber() {
        service.save(null, PhoneNumber.of("+16025559876"), null, null, MARIA, false);

        assertThat(service.save(null, PHONE, null, null, OLIVIA, false)).isInstanceOf(SaveOutcome.Saved.class);
    }

    @Test
    void savesWhenTheOperatorConfirms() {
        service.save(null, PHONE, null, null, MARIA, false);
        clock.advance(Duration.ofMinutes(3));
        assertThat(service.save(null, PHONE, "Mine", null, OLIVIA, false)).isInstanceOf(SaveOutcome.SavedRecentlyByAnother.class);

        Intake olivias = saved(service.save(null, PHONE, "Mine", null, OLIVIA, true));

        assertThat(olivias.operator()).isEqualTo("Olivia Park");
        assertThat(store.forNumber(PHONE)).hasSize(2).first().isEqualTo(olivias);
    }

    // ---- audit and claims ----------------------------------------------------------------------

    @Test
    void eachSavedIntakeWritesOneAuditEntryWithTheNumberAndTheCall() {
        service.save(null, PHONE, null, "s-42", OLIVIA, false);

        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.INTAKE_SAVED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(OLIVIA);
        assertThat(entry.subject()).isEqualTo("+16025551234");
        assertThat(entry.detail()).isEqualTo("from call s-42");
        assertThat(entry.at()).isEqualTo(clock.instant());
    }

    @Test
    void aTypedNumberIsAuditedAsTyped() {
        service.save(null, PHONE, null, null, OLIVIA, false);

        assertThat(audit.only().detail()).isEqualTo("typed");
    }

    @Test
    void savingEndsTheSaversClaimOnTheCallerButNotAColleaguesOnAnother() {
        PhoneNumber other = PhoneNumber.of("+16025559876");
        claims.claim(PHONE, OLIVIA);
        claims.claim(other, MARIA);

        service.save(null, PHONE, null, null, OLIVIA, false);

        assertThat(claims.claims()).extracting(claim -> claim.phone()).containsExactly(other);
    }

    @Test
    void aColleaguesSaveLeavesTheClaimOfWhoeverIsOnIt() {
        claims.claim(PHONE, MARIA);

        service.save(null, PHONE, null, null, OLIVIA, false);

        assertThat(claims.claims()).singleElement().satisfies(claim -> assertThat(claim.displayName()).isEqualTo("Maria Lopez"));
    }

    @Test
    void onlyAskingLeavesTheClaim() {
        service.save(null, PHONE, null, null, MARIA, false);
        claims.claim(PHONE, OLIVIA);

        service.save(null, PHONE, null, null, OLIVIA, false);

        assertThat(claims.claims()).hasSize(1);
    }

    // ---- today ---------------------------------------------------------------------------------

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

        IntakeService inUtc = new IntakeService(store, new Auditor(audit, clock), claims, clock, ZoneOffset.UTC);
        assertThat(inUtc.today()).containsExactly(lateYesterdayInPhoenix);
        assertThat(service.today()).isEmpty();
    }

    private Intake saveAt(String instant) {
        clock.set(Instant.parse(instant));
        return saved(service.save(null, PHONE, null, null, OLIVIA, false));
    }

    private static Intake saved(SaveOutcome outcome) {
        assertThat(outcome).isInstanceOf(SaveOutcome.Saved.class);
        return ((SaveOutcome.Saved) outcome).intake();
    }
}
