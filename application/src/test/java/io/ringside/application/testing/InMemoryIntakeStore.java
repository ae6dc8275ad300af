package io.ringside.application.testing;

import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

public class InMemoryIntakeStore implements IntakeStore {

    private final List<Intake> intakes = new CopyOnWriteArrayList<>();

    @Override
    public void save(Intake intake) {
        intakes.add(intake);
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

    private List<Intake> newestFirst(Predicate<Intake> filter) {
        return intakes.stream().filter(filter).sorted(Comparator.comparing(Intake::savedAt).reversed()).toList();
    }
}
