package io.ringside.application.port.in;

import io.ringside.domain.Actor;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

import java.util.List;
import java.util.UUID;

/**
 * The operator who saved an intake corrects its name, phone or notes the same day; an admin any time. Each
 * correction is kept (who, when, before and after) and audited.
 */
public interface CorrectIntake {

    /**
     * @param version the intake's version as shown, so two corrections cannot silently overwrite each other
     * @throws IntakeCorrectionRefusedException with a message for the person (not theirs to correct, too late,
     *                                          corrected by someone else meanwhile, gone)
     * @throws IllegalArgumentException         when a field is not acceptable
     */
    Intake correct(UUID intakeId, long version, String callerName, PhoneNumber phone, String notes, Actor by);

    /** Whether {@code by} may correct this intake now (to offer the button at all). */
    boolean mayCorrect(Intake intake, Actor by);

    /** The corrections of one intake, oldest first. */
    List<IntakeEdit> history(UUID intakeId);
}
