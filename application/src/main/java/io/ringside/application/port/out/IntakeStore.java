package io.ringside.application.port.out;

import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.List;

/** What operators saved. */
public interface IntakeStore {

    void save(Intake intake);

    /** Intakes saved at or after {@code from} and before {@code to}, newest first. */
    List<Intake> savedBetween(Instant from, Instant to);

    /** Intakes that came from this RingCentral call, newest first. */
    List<Intake> forCall(String telephonySessionId);

    /** Intakes for this number, newest first. */
    List<Intake> forNumber(PhoneNumber phone);
}
