package io.ringside.ui.view;

import com.vaadin.flow.router.RouteConfiguration;
import io.ringside.application.port.in.Colleague;
import io.ringside.application.port.in.CorrectIntake;
import io.ringside.application.port.in.IntakeCorrectionRefusedException;
import io.ringside.application.port.in.SearchIntakes;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.PhoneNumber;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The admin pages' base plus the Intakes page, built with fakes of its two ports (kept here so the
 * shared {@link Fakes} stays with the intake form).
 */
abstract class IntakesViewTestBase extends AdminViewsTestBase {

    static final UUID ADA_ID = Fakes.User.admin().id;
    final FakeSearchIntakes search = new FakeSearchIntakes();
    final FakeCorrectIntake corrections = new FakeCorrectIntake(search, clock, Set.of(ADA_ID));

    @Override
    void startVaadin() {
        super.startVaadin();
        RouteConfiguration.forApplicationScope().setAnnotatedRoute(IntakesView.class);
    }

    @Override
    Object create(Class<?> type) {
        if (type == IntakesView.class) {
            return new IntakesView(search, corrections, user, settings, clock);
        }
        return super.create(type);
    }

    /** Intakes newest first, filtered with the query's own rule; remembers what was asked. */
    static final class FakeSearchIntakes implements SearchIntakes {
        final List<Intake> intakes = new ArrayList<>();
        final List<Colleague> colleagues = new ArrayList<>();
        final List<IntakeQuery> queries = new ArrayList<>();
        final List<String> pages = new ArrayList<>();

        @Override
        public List<Intake> find(IntakeQuery query, int offset, int limit) {
            queries.add(query);
            pages.add(offset + "+" + limit);
            return matching(query).stream().skip(offset).limit(limit).toList();
        }

        @Override
        public long count(IntakeQuery query) {
            queries.add(query);
            return matching(query).size();
        }

        @Override
        public void export(IntakeQuery query, Consumer<Intake> each) {
            queries.add(query);
            matching(query).forEach(each);
        }

        @Override
        public List<Colleague> colleagues() {
            return colleagues;
        }

        private List<Intake> matching(IntakeQuery query) {
            return intakes.stream().filter(query::matches).sorted(Comparator.comparing(Intake::savedAt).reversed()).toList();
        }

        IntakeQuery lastQuery() {
            return queries.getLast();
        }

        void replace(Intake updated) {
            intakes.replaceAll(old -> old.id().equals(updated.id()) ? updated : old);
        }
    }

    /**
     * Corrections by the domain's own rule (an admin any time, the operator on the day, in Phoenix),
     * applied to the fake store; {@link #refusal} makes the next one fail. Records every call.
     */
    static final class FakeCorrectIntake implements CorrectIntake {
        private final FakeSearchIntakes store;
        private final Clock clock;
        private final Set<UUID> admins;
        final List<String> calls = new ArrayList<>();
        final List<Actor> actors = new ArrayList<>();
        final List<IntakeEdit> edits = new ArrayList<>();
        IntakeCorrectionRefusedException refusal;

        FakeCorrectIntake(FakeSearchIntakes store, Clock clock, Set<UUID> admins) {
            this.store = store;
            this.clock = clock;
            this.admins = admins;
        }

        @Override
        public Intake correct(UUID intakeId, long version, String callerName, PhoneNumber phone, String notes, Actor by) {
            calls.add("correct v" + version + " | " + callerName + " | " + phone + " | " + notes);
            actors.add(by);
            if (refusal != null) {
                throw refusal;
            }
            Intake before = store.intakes.stream().filter(i -> i.id().equals(intakeId)).findFirst().orElseThrow();
            Intake after = before.corrected(callerName, phone, notes).atVersion(version + 1);
            store.replace(after);
            edits.add(IntakeEdit.of(before, after, by, clock.instant()));
            return after;
        }

        @Override
        public boolean mayCorrect(Intake intake, Actor by) {
            return intake.mayBeCorrectedBy(by.userId(), admins.contains(by.userId()), clock.instant(), ZoneId.of("America/Phoenix"));
        }

        @Override
        public List<IntakeEdit> history(UUID intakeId) {
            return edits.stream().filter(e -> e.intakeId().equals(intakeId)).toList();
        }
    }
}
