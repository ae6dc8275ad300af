package io.ringside.application.service;

import io.ringside.application.port.in.IntakeCorrectionRefusedException;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.application.testing.InMemoryUserAccounts;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class IntakeCorrectionsTest {

    /** Arizona: UTC-7 all year. The clock runs in UTC, so Ringside's day and the clock's day differ each evening. */
    private static final ZoneId PHOENIX = ZoneId.of("America/Phoenix");
    /** 08:00 in Phoenix on 22 November. */
    private static final Instant MORNING = Instant.parse("2026-11-22T15:00:00Z");
    /** 23:59 in Phoenix, still 22 November there (already the 23rd in UTC). */
    private static final Instant LAST_MINUTE = Instant.parse("2026-11-23T06:59:00Z");
    /** Midnight in Phoenix: 23 November. */
    private static final Instant NEXT_DAY = Instant.parse("2026-11-23T07:00:00Z");
    private static final PhoneNumber PHONE = PhoneNumber.of("+16025551234");
    private static final PhoneNumber OTHER_PHONE = PhoneNumber.of("+16025559876");

    private final MutableClock clock = new MutableClock(MORNING);
    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final IntakeCorrections corrections = new IntakeCorrections(store, accounts, new Auditor(audit, clock), clock, PHOENIX);

    private final UserAccount oliviaAccount = accounts.add(UserAccount.create("olivia", "Olivia Park", Role.OPERATOR, null, "hash"));
    private final UserAccount mariaAccount = accounts.add(UserAccount.create("maria", "Maria Lopez", Role.OPERATOR, null, "hash"));
    private final UserAccount adaAccount = accounts.add(UserAccount.create("ada", "Ada Admin", Role.ADMIN, null, "hash"));
    private final Actor olivia = Actor.of(oliviaAccount, "10.0.0.7");
    private final Actor maria = Actor.of(mariaAccount, "10.0.0.8");
    private final Actor ada = Actor.of(adaAccount, "10.0.0.9");

    private Intake savedByOlivia() {
        return store.save(Intake.record("Jane", PHONE, "Wants a callback", "session-1", olivia, MORNING));
    }

    private Intake current(Intake intake) {
        return store.byId(intake.id()).orElseThrow();
    }

    // ---- who may correct, and when ---------------------------------------------------------

    @Test
    void theOperatorCorrectsHerIntakeTheSameDayAndTheEditIsKeptWithBeforeAfterAndWho() {
        Intake before = savedByOlivia();
        clock.set(MORNING.plus(Duration.ofHours(2)));

        Intake corrected = corrections.correct(before.id(), before.version(), "Jane Doe", OTHER_PHONE, "Wants a callback", olivia);

        assertThat(corrected.callerName()).isEqualTo("Jane Doe");
        assertThat(corrected.phone()).isEqualTo(OTHER_PHONE);
        assertThat(corrected.notes()).isEqualTo("Wants a callback");
        assertThat(corrected.version()).as("the next version").isEqualTo(before.version() + 1);
        assertThat(corrected.operator()).as("who saved it stays").isEqualTo("Olivia Park");
        assertThat(corrected.operatorId()).isEqualTo(olivia.userId());
        assertThat(corrected.savedAt()).as("when it was saved stays").isEqualTo(MORNING);
        assertThat(corrected.telephonySessionId()).isEqualTo("session-1");
        assertThat(current(before)).isEqualTo(corrected);

        assertThat(corrections.history(before.id())).singleElement().satisfies(edit -> {
            assertThat(edit.by()).isEqualTo(olivia);
            assertThat(edit.at()).isEqualTo(clock.instant());
            assertThat(edit.before()).isEqualTo(before);
            assertThat(edit.after().callerName()).isEqualTo("Jane Doe");
            assertThat(edit.after().phone()).isEqualTo(OTHER_PHONE);
        });
    }

    @Test
    void eachCorrectionIsAuditedOnceWithTheNumberAsCorrectedAndWhatChanged() {
        Intake before = savedByOlivia();

        corrections.correct(before.id(), before.version(), "Jane Doe", OTHER_PHONE, "Wants a callback", olivia);

        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.INTAKE_CORRECTED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(olivia);
        assertThat(entry.subject()).isEqualTo("+16025559876");
        assertThat(entry.detail()).isEqualTo("name Jane → Jane Doe; phone +16025551234 → +16025559876");
        assertThat(entry.at()).isEqualTo(clock.instant());
    }

    @Test
    void theOperatorMayCorrectUntilMidnightInRingsidesTimeZoneNotTheClocks() {
        Intake intake = savedByOlivia();
        clock.set(LAST_MINUTE);

        Intake corrected = corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, olivia);

        assertThat(corrected.callerName()).isEqualTo("Jane Doe");
        assertThat(corrected.notes()).isNull();
    }

    @Test
    void theNextDayTheOperatorIsToldToAskAnAdminAndTheRefusalIsAudited() {
        Intake intake = savedByOlivia();
        clock.set(NEXT_DAY);

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, olivia))
                .isInstanceOf(IntakeCorrectionRefusedException.class)
                .hasMessage("You can correct your intakes on the day you saved them; ask an admin to correct this one.");

        assertThat(current(intake)).isEqualTo(intake);
        assertThat(corrections.history(intake.id())).isEmpty();
        assertRefusalAudited(olivia, "You can correct your intakes on the day you saved them; ask an admin to correct this one.");
    }

    @Test
    void anotherOperatorMayNotCorrectItEvenTheSameDay() {
        Intake intake = savedByOlivia();

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, maria))
                .isInstanceOf(IntakeCorrectionRefusedException.class)
                .hasMessage("Only the operator who saved an intake can correct it, on the day they saved it; "
                        + "an admin can correct it any time.");

        assertThat(current(intake)).isEqualTo(intake);
        assertThat(store.allEdits()).isEmpty();
        assertRefusalAudited(maria, "Only the operator who saved an intake can correct it, on the day they saved it; "
                + "an admin can correct it any time.");
    }

    @Test
    void anAdminCorrectsAnyIntakeAnyTime() {
        Intake intake = savedByOlivia();
        clock.set(MORNING.plus(Duration.ofDays(40)));

        Intake corrected = corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, "Called back", ada);

        assertThat(corrected.notes()).isEqualTo("Called back");
        assertThat(corrected.operator()).as("still Olivia's intake").isEqualTo("Olivia Park");
        assertThat(corrections.history(intake.id())).singleElement().extracting(IntakeEdit::by).isEqualTo(ada);
        assertThat(audit.only().actor()).isEqualTo(ada);
    }

    @Test
    void whetherSomeoneIsAnAdminIsReadFromTheirAccountNow() {
        Intake intake = savedByOlivia();
        clock.set(NEXT_DAY);
        accounts.update(adaAccount.edited("Ada Admin", Role.OPERATOR, null));
        UserAccount promoted = accounts.update(mariaAccount.edited("Maria Lopez", Role.ADMIN, null));

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, ada))
                .as("an admin no longer").isInstanceOf(IntakeCorrectionRefusedException.class);
        Intake corrected = corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, Actor.of(promoted, null));

        assertThat(corrected.callerName()).isEqualTo("Jane Doe");
    }

    @Test
    void aDisabledAdminCorrectsNothing() {
        Intake intake = savedByOlivia();
        accounts.update(adaAccount.withEnabled(false));

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, ada))
                .isInstanceOf(IntakeCorrectionRefusedException.class);
        assertThat(current(intake)).isEqualTo(intake);
    }

    @Test
    void ringsideItselfAndStrangersCorrectNothing() {
        Intake intake = savedByOlivia();
        Actor stranger = new Actor(UUID.randomUUID(), "mallory", "Mallory", null);

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, Actor.system()))
                .isInstanceOf(IntakeCorrectionRefusedException.class);
        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, stranger))
                .isInstanceOf(IntakeCorrectionRefusedException.class);
        assertThat(current(intake)).isEqualTo(intake);
    }

    @Test
    void theButtonIsOfferedToWhoeverMayCorrect() {
        Intake intake = savedByOlivia();

        assertThat(corrections.mayCorrect(intake, olivia)).isTrue();
        assertThat(corrections.mayCorrect(intake, maria)).isFalse();
        assertThat(corrections.mayCorrect(intake, ada)).isTrue();
        clock.set(NEXT_DAY);
        assertThat(corrections.mayCorrect(intake, olivia)).isFalse();
        assertThat(corrections.mayCorrect(intake, ada)).isTrue();
        assertThat(audit.entries()).as("asking is not trying").isEmpty();
    }

    // ---- two people, one intake --------------------------------------------------------------

    @Test
    void aCorrectionFromAnOutdatedViewIsRefusedNotSilentlyOverwritingTheOther() {
        Intake intake = savedByOlivia();
        Intake adas = corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, "Wants a callback", ada);

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Janet", PHONE, "Wants a callback", olivia))
                .isInstanceOf(IntakeCorrectionRefusedException.class)
                .hasMessage("Someone else corrected this intake meanwhile. Reload and try again.");

        assertThat(current(intake)).isEqualTo(adas);
        assertThat(corrections.history(intake.id())).hasSize(1);
        assertThat(audit.of(AuditKind.INTAKE_CORRECTED)).extracting(AuditEntry::outcome)
                .containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.REFUSED);
    }

    @Test
    void aCorrectionStoredBetweenReadingAndStoringRefusesTheSecond() {
        Intake intake = savedByOlivia();
        store.beforeNextCorrection(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, ada));

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Janet", PHONE, null, olivia))
                .isInstanceOf(IntakeCorrectionRefusedException.class)
                .hasMessage("Someone else corrected this intake meanwhile. Reload and try again.");

        assertThat(current(intake).callerName()).isEqualTo("Jane Doe");
        assertThat(corrections.history(intake.id())).extracting(IntakeEdit::by).containsExactly(ada);
        assertThat(audit.entries()).extracting(AuditEntry::actor, AuditEntry::outcome).containsExactly(
                tuple(ada, AuditOutcome.SUCCEEDED),
                tuple(olivia, AuditOutcome.REFUSED));
    }

    @Test
    void anIntakeThatIsGoneCannotBeCorrected() {
        Intake intake = savedByOlivia();
        store.remove(intake.id());

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, null, olivia))
                .isInstanceOf(IntakeCorrectionRefusedException.class)
                .hasMessage("That intake no longer exists.");

        assertThat(store.byId(intake.id())).isEmpty();
        assertRefusalAudited(olivia, "That intake no longer exists.");
    }

    @Test
    void correctionsFollowOneAnotherAndTheHistoryIsOldestFirst() {
        Intake intake = savedByOlivia();
        Intake first = corrections.correct(intake.id(), intake.version(), "Jane Doe", PHONE, "Wants a callback", olivia);
        clock.advance(Duration.ofMinutes(5));
        Intake second = corrections.correct(intake.id(), first.version(), "Jane Doe", PHONE, "Called back at 10", olivia);

        assertThat(second.version()).isEqualTo(intake.version() + 2);
        assertThat(corrections.history(intake.id())).extracting(IntakeEdit::describe).containsExactly(
                "name Jane → Jane Doe",
                "notes Wants a callback → Called back at 10");
        assertThat(audit.of(AuditKind.INTAKE_CORRECTED)).hasSize(2);
    }

    // ---- nothing to correct -------------------------------------------------------------------

    @Test
    void savingWithoutAChangeStoresAndAuditsNothing() {
        Intake intake = savedByOlivia();

        Intake result = corrections.correct(intake.id(), intake.version(), "  Jane ", PHONE, "Wants a callback  ", olivia);

        assertThat(result).isEqualTo(intake);
        assertThat(current(intake)).isEqualTo(intake);
        assertThat(corrections.history(intake.id())).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void anUnacceptableFieldIsRefusedWithAMessageForTheFormAndNothingIsStoredOrAudited() {
        Intake intake = savedByOlivia();

        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "Jane", null, null, olivia))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone number");
        assertThatThrownBy(() -> corrections.correct(intake.id(), intake.version(), "x".repeat(Intake.NAME_MAX_LENGTH + 1), PHONE,
                null, olivia))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("name");

        assertThat(current(intake)).isEqualTo(intake);
        assertThat(audit.entries()).isEmpty();
    }

    private void assertRefusalAudited(Actor who, String reason) {
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.INTAKE_CORRECTED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.actor()).isEqualTo(who);
        assertThat(entry.subject()).isEqualTo(PHONE.e164());
        assertThat(entry.detail()).isEqualTo(reason);
    }
}
