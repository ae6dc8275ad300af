package io.ringside.application.service;

import io.ringside.application.port.in.ListTodaysIntakes;
import io.ringside.application.port.in.SaveIntake;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.Telemetry;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** Saves intakes and lists today's, where "today" is the calendar day in Ringside's time zone. */
public final class IntakeService implements SaveIntake, ListTodaysIntakes {

    private final IntakeStore intakes;
    private final Clock clock;
    private final ZoneId zone;
    private volatile Telemetry telemetry = Telemetry.NONE;

    public IntakeService(IntakeStore intakes, Clock clock, ZoneId zone) {
        this.intakes = intakes;
        this.clock = clock;
        this.zone = zone;
    }

    /** From now on, each saved intake is reported. */
    public void reportTo(Telemetry newTelemetry) {
        telemetry = newTelemetry;
    }

    @Override
    public Intake save(String callerName, PhoneNumber phone, String notes, String telephonySessionId, String operator) {
        Intake intake = Intake.record(callerName, phone, notes, telephonySessionId, operator, clock.instant());
        intakes.save(intake);
        telemetry.intakeSaved();
        return intake;
    }

    @Override
    public List<Intake> today() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        return intakes.savedBetween(today.atStartOfDay(zone).toInstant(), today.plusDays(1).atStartOfDay(zone).toInstant());
    }
}
