package io.ringside.application.port.in;

import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

/** An operator saves what they took down about a caller. */
public interface SaveIntake {

    /**
     * @param telephonySessionId the call it came from (when picked from Recent callers), or null
     * @throws IllegalArgumentException with a message for the operator when a field is not acceptable
     */
    Intake save(String callerName, PhoneNumber phone, String notes, String telephonySessionId, String operator);
}
