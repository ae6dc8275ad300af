package io.ringside.application.port.in;

import io.ringside.domain.Actor;
import io.ringside.domain.PhoneNumber;

import java.time.Duration;

/** An operator saves what they took down about a caller. */
public interface SaveIntake {

    /** How recent another operator's intake for the same number must be for Ringside to ask first. */
    Duration ASK_WITHIN = Duration.ofMinutes(15);

    /**
     * Saves the intake, recording who saved it, unless someone else saved one for this number within
     * {@link #ASK_WITHIN} and {@code evenIfSavedRecently} is false.
     *
     * @param telephonySessionId the call it came from (when picked from Recent callers), or null
     * @throws IllegalArgumentException with a message for the operator when a field is not acceptable
     */
    SaveOutcome save(String callerName, PhoneNumber phone, String notes, String telephonySessionId, Actor by,
                     boolean evenIfSavedRecently);
}
