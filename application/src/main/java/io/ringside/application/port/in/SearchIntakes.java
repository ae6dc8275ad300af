package io.ringside.application.port.in;

import io.ringside.domain.Intake;
import io.ringside.domain.IntakeQuery;

import java.util.List;
import java.util.function.Consumer;

/** Operators and admins find past intakes: filtered, paged, exported. Newest first. */
public interface SearchIntakes {

    List<Intake> find(IntakeQuery query, int offset, int limit);

    long count(IntakeQuery query);

    /** Every matching intake, one by one (for a CSV export). */
    void export(IntakeQuery query, Consumer<Intake> each);

    /** Everyone who may have saved intakes, by display name (for the "saved by" filter). */
    List<Colleague> colleagues();
}
