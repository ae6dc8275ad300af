package io.ringside.application.port.out;

import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** What operators saved. */
public interface IntakeStore {

    /** Stores a new intake; returns it as stored (at its first version). */
    Intake save(Intake intake);

    /** Intakes saved at or after {@code from} and before {@code to}, newest first. */
    List<Intake> savedBetween(Instant from, Instant to);

    /** Intakes that came from this RingCentral call, newest first. */
    List<Intake> forCall(String telephonySessionId);

    /** Intakes for this number, newest first. */
    List<Intake> forNumber(PhoneNumber phone);

    Optional<Intake> byId(UUID id);

    /** One page of the intakes that match, newest first: skips {@code offset}, returns at most {@code limit}. */
    List<Intake> find(IntakeQuery query, int offset, int limit);

    long count(IntakeQuery query);

    /** Every matching intake, newest first, streamed without holding them all in memory. */
    void forEach(IntakeQuery query, Consumer<Intake> each);

    /**
     * Stores a correction, only if nobody changed the intake since {@code corrected} was read (its version),
     * and keeps the edit with it, in one transaction.
     *
     * @return the intake as stored (with the next version)
     * @throws ConcurrentChangeException when it was changed or removed meanwhile
     */
    Intake correct(Intake corrected, IntakeEdit edit);

    /** The corrections of one intake, oldest first. */
    List<IntakeEdit> edits(UUID intakeId);

    /** What the intakes for this number say: the last name saved, how many, when the last; empty when none. */
    Optional<KnownCaller> known(PhoneNumber phone);
}
