package io.ringside.application.service;

import io.ringside.application.port.in.CorrectIntake;
import io.ringside.application.port.in.IntakeCorrectionRefusedException;
import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.PhoneNumber;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Corrections of saved intakes: the operator who saved one, on the day they saved it (the calendar day in
 * Ringside's time zone), or an admin any time. Each correction is stored with its edit (who, when, before and
 * after) and audited; each refusal is audited too.
 */
public final class IntakeCorrections implements CorrectIntake {

    static final String GONE = "That intake no longer exists.";
    static final String STALE = "Someone else corrected this intake meanwhile. Reload and try again.";
    static final String NOT_YOURS = "Only the operator who saved an intake can correct it, on the day they saved it; "
            + "an admin can correct it any time.";
    static final String TOO_LATE = "You can correct your intakes on the day you saved them; ask an admin to correct this one.";

    private final IntakeStore intakes;
    private final UserAccounts accounts;
    private final Auditor auditor;
    private final Clock clock;
    private final ZoneId zone;

    public IntakeCorrections(IntakeStore intakes, UserAccounts accounts, Auditor auditor, Clock clock, ZoneId zone) {
        this.intakes = Objects.requireNonNull(intakes, "intakes");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    @Override
    public Intake correct(UUID intakeId, long version, String callerName, PhoneNumber phone, String notes, Actor by) {
        Objects.requireNonNull(intakeId, "intakeId");
        Objects.requireNonNull(by, "by");
        Instant now = clock.instant();
        Intake before = intakes.byId(intakeId).orElse(null);
        if (before == null) {
            throw refused(by, phone == null ? null : phone.e164(), GONE);
        }
        if (before.version() != version) {
            throw refused(by, before.phone().e164(), STALE);
        }
        // Whether someone is an admin is read from their account now, never taken from the request.
        if (!before.mayBeCorrectedBy(by.userId(), isAdmin(by), now, zone)) {
            throw refused(by, before.phone().e164(), before.isBy(by.userId()) ? TOO_LATE : NOT_YOURS);
        }
        // An unacceptable field throws IllegalArgumentException here, for the form; nothing was attempted to audit.
        Intake after = before.corrected(callerName, phone, notes);
        IntakeEdit edit = IntakeEdit.of(before, after, by, now);
        if (!edit.changesAnything()) {
            return before;
        }
        Intake stored;
        try {
            stored = intakes.correct(after, edit);
        } catch (ConcurrentChangeException changedMeanwhile) {
            throw refused(by, before.phone().e164(), STALE);
        }
        auditor.succeeded(AuditKind.INTAKE_CORRECTED, by, stored.phone().e164(), edit.describe());
        return stored;
    }

    @Override
    public boolean mayCorrect(Intake intake, Actor by) {
        return intake.mayBeCorrectedBy(by.userId(), isAdmin(by), clock.instant(), zone);
    }

    @Override
    public List<IntakeEdit> history(UUID intakeId) {
        return intakes.edits(Objects.requireNonNull(intakeId, "intakeId"));
    }

    /** A disabled admin is no admin: their sessions end when they are disabled, and so do their rights. */
    private boolean isAdmin(Actor by) {
        return by.userId() != null && accounts.byId(by.userId())
                .map(account -> account.enabled() && account.isAdmin())
                .orElse(false);
    }

    private IntakeCorrectionRefusedException refused(Actor by, String subject, String reason) {
        auditor.record(AuditKind.INTAKE_CORRECTED, by, subject, reason, AuditOutcome.REFUSED);
        return new IntakeCorrectionRefusedException(reason);
    }
}
