package io.ringside.application.service;

import io.ringside.application.port.in.ListTodaysIntakes;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.in.SaveOutcome;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.Telemetry;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Saves intakes and lists today's, where "today" is the calendar day in Ringside's time zone. A saved intake
 * goes in the audit trail and ends its operator's claim on the caller.
 */
public final class IntakeService implements SaveIntake, ListTodaysIntakes {

    private final IntakeStore intakes;
    private final Auditor auditor;
    private final CallerClaims claims;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Telemetry telemetry = Telemetry.NONE;

    public IntakeService(IntakeStore intakes, Auditor auditor, CallerClaims claims, Clock clock, ZoneId zone) {
        this.intakes = Objects.requireNonNull(intakes, "intakes");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.claims = Objects.requireNonNull(claims, "claims");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** From now on, each saved intake is reported. */
    public void reportTo(Telemetry newTelemetry) {
        telemetry = newTelemetry;
    }

    @Override
    public SaveOutcome save(String callerName, PhoneNumber phone, String notes, String telephonySessionId, Actor by,
                            boolean evenIfSavedRecently) {
        Instant now = clock.instant();
        Intake intake = Intake.record(callerName, phone, notes, telephonySessionId, by, now);
        if (!evenIfSavedRecently) {
            Optional<Intake> another = intakes.forNumber(phone).stream()
                    .filter(earlier -> !earlier.savedAt().isBefore(now.minus(ASK_WITHIN)))
                    .filter(earlier -> !savedBySame(earlier, by))
                    .findFirst();
            if (another.isPresent()) {
                return new SaveOutcome.SavedRecentlyByAnother(another.get().operator(), another.get().savedAt());
            }
        }
        Intake stored = intakes.save(intake);
        auditor.succeeded(AuditKind.INTAKE_SAVED, by, phone.e164(),
                stored.telephonySessionId() == null ? "typed" : "from call " + stored.telephonySessionId());
        claims.released(phone, by.userId());
        telemetry.intakeSaved();
        return new SaveOutcome.Saved(stored);
    }

    private static boolean savedBySame(Intake earlier, Actor by) {
        return earlier.operatorId() != null ? earlier.isBy(by.userId()) : earlier.operator().equals(by.username());
    }

    @Override
    public List<Intake> today() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return intakes.savedBetween(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
