package io.ringside.application.testing;

import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Intakes in memory, with the store's checks (like the database adapter's): a correction is stored only at the
 * version it was read at, bumps it, and keeps its edit.
 */
public class InMemoryIntakeStore implements IntakeStore {

    private final Map<UUID, Intake> intakes = new LinkedHashMap<>();
    private final List<IntakeEdit> edits = new ArrayList<>();
    private Runnable beforeNextCorrection;

    @Override
    public synchronized Intake save(Intake intake) {
        Intake stored = intake.atVersion(1);
        intakes.put(stored.id(), stored);
        return stored;
    }

    @Override
    public List<Intake> savedBetween(Instant from, Instant to) {
        return newestFirst(intake -> !intake.savedAt().isBefore(from) && intake.savedAt().isBefore(to));
    }

    @Override
    public List<Intake> forCall(String telephonySessionId) {
        return newestFirst(intake -> telephonySessionId.equals(intake.telephonySessionId()));
    }

    @Override
    public List<Intake> forNumber(PhoneNumber phone) {
        return newestFirst(intake -> intake.phone().equals(phone));
    }

    @Override
    public synchronized Optional<Intake> byId(UUID id) {
        return Optional.ofNullable(intakes.get(id));
    }

    @Override
    public List<Intake> find(IntakeQuery query, int offset, int limit) {
        return newestFirst(query::matches).stream().skip(offset).limit(limit).toList();
    }

    @Override
    public long count(IntakeQuery query) {
        return newestFirst(query::matches).size();
    }

    @Override
    public void forEach(IntakeQuery query, Consumer<Intake> each) {
        newestFirst(query::matches).forEach(each);
    }

    @Override
    public Intake correct(Intake corrected, IntakeEdit edit) {
        Runnable meanwhile;
        synchronized (this) {
            meanwhile = beforeNextCorrection;
            beforeNextCorrection = null;
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
        synchronized (this) {
            Intake current = intakes.get(corrected.id());
            if (current == null || current.version() != corrected.version()) {
                throw new ConcurrentChangeException("Intake " + corrected.id());
            }
            Intake stored = corrected.atVersion(corrected.version() + 1);
            intakes.put(stored.id(), stored);
            edits.add(edit);
            return stored;
        }
    }

    @Override
    public synchronized List<IntakeEdit> edits(UUID intakeId) {
        return edits.stream().filter(edit -> edit.intakeId().equals(intakeId)).toList();
    }

    /** The newest name typed for the number (an intake without one does not forget it), how many, when the last. */
    @Override
    public Optional<KnownCaller> known(PhoneNumber phone) {
        List<Intake> forNumber = forNumber(phone);
        if (forNumber.isEmpty()) {
            return Optional.empty();
        }
        String lastName = forNumber.stream().map(Intake::callerName).filter(Objects::nonNull).findFirst().orElse(null);
        return Optional.of(new KnownCaller(phone, lastName, forNumber.size(), forNumber.getFirst().savedAt()));
    }

    /** Runs {@code change} (say, someone else's correction) just before the next correction is checked, once. */
    public synchronized void beforeNextCorrection(Runnable change) {
        beforeNextCorrection = change;
    }

    /** Removes an intake as if it had never been saved (a purge, a database fix). */
    public synchronized void remove(UUID id) {
        intakes.remove(id);
    }

    /** Every edit stored, of any intake, in the order stored. */
    public synchronized List<IntakeEdit> allEdits() {
        return List.copyOf(edits);
    }

    private synchronized List<Intake> newestFirst(Predicate<Intake> filter) {
        return intakes.values().stream().filter(filter).sorted(Comparator.comparing(Intake::savedAt).reversed()).toList();
    }
}
