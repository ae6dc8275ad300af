package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.KnownCaller;
import io.ringside.domain.PhoneNumber;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The IntakeStore contract on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class IntakeStoreContractTest {

    static final PhoneNumber CALLER = PhoneNumber.of("+16025551234");
    static final PhoneNumber OTHER_CALLER = PhoneNumber.of("+442079460000");
    static final UUID OLIVE = OPERATOR.userId();
    static final UUID ADA = UUID.fromString("a6d1c0de-0000-4000-8000-000000000001");
    static final Actor ADMIN = new Actor(ADA, "ada", "Ada Admin", "2001:db8::7");

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    JdbcIntakeStore store;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        store = new JdbcIntakeStore(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anIntakeComesBackExactlyAsSavedAtVersionOne() {
        Intake full = new Intake(UUID.randomUUID(), "Zoë O'Brien", CALLER, "Wants a call back\nafter 5 pm — urgent",
                "s-a0b1c2d3e4f5", UUID.randomUUID(), "Olive Operator", NOW);
        // Saved the way intakes were before people had ids: no operator id.
        Intake typedByHand = new Intake(UUID.randomUUID(), null, OTHER_CALLER, null, null, "admin", NOW.plusSeconds(1));
        store.save(full);
        store.save(typedByHand);

        assertThat(store.savedBetween(NOW, NOW.plusSeconds(2))).containsExactly(typedByHand.atVersion(1), full.atVersion(1));
        assertThat(store.byId(full.id())).contains(full.atVersion(1));
        assertThat(store.byId(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anIntakeSavedBeforeCorrectionsExistedReadsAsVersionOneAndCanBeCorrected() {
        // A database as V2 left it, with a row as V1/V2 wrote it: no version, no lower-cased name.
        database.close();
        database = kind == TestDatabase.Kind.H2 ? TestDatabase.h2(dir.resolve("from-v2")) : TestDatabase.postgres();
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").target("2").load().migrate();
        JdbcClient sql = JdbcClient.create(database.dataSource());
        UUID id = UUID.randomUUID();
        sql.sql("""
                        INSERT INTO intake (id, caller_name, phone, notes, telephony_session_id, operator_id, operator, saved_at)
                        VALUES (:id, 'Grace HOPPER', '+16025551234', 'from before', NULL, NULL, 'admin', :savedAt)""")
                .param("id", id).param("savedAt", Timestamps.of(NOW)).update();

        assertThat(database.migrate()).as("V3 and later applied to the old row").isEqualTo(4); // V3, V4, V5, V6
        store = new JdbcIntakeStore(database.dataSource());

        Intake old = store.byId(id).orElseThrow();
        assertThat(old).isEqualTo(new Intake(id, "Grace HOPPER", CALLER, "from before", null, null, "admin", NOW, 1));
        assertThat(store.find(new IntakeQuery(null, "hopper", null, null, null), 0, 10)).containsExactly(old);
        assertThat(store.correct(old.corrected("Grace Hopper", CALLER, "from before"),
                IntakeEdit.of(old, old.corrected("Grace Hopper", CALLER, "from before"), ADMIN, NOW)).version()).isEqualTo(2);
    }

    @Test
    void todaysIntakesAreThoseFromTheStartOfTheDayUpToButNotIncludingTheNextNewestFirst() {
        Instant startOfDay = Instant.parse("2026-11-22T07:00:00Z");
        Instant nextDay = startOfDay.plus(Duration.ofDays(1));
        Intake yesterday = saved(CALLER, null, startOfDay.minusNanos(1000));
        Intake first = saved(CALLER, null, startOfDay);
        Intake later = saved(OTHER_CALLER, null, startOfDay.plus(Duration.ofHours(9)));
        Intake tomorrow = saved(CALLER, null, nextDay);

        assertThat(store.savedBetween(startOfDay, nextDay)).containsExactly(later, first);
        assertThat(store.savedBetween(startOfDay.minus(Duration.ofDays(1)), startOfDay)).containsExactly(yesterday);
        assertThat(store.savedBetween(nextDay, nextDay.plus(Duration.ofDays(1)))).containsExactly(tomorrow);
    }

    @Test
    void intakesForACallAreThatCallsOnlyNewestFirst() {
        Intake first = saved(CALLER, "s-call-1", NOW);
        Intake second = saved(CALLER, "s-call-1", NOW.plusSeconds(60));
        saved(CALLER, "s-call-2", NOW.plusSeconds(30));
        saved(CALLER, null, NOW.plusSeconds(90));

        assertThat(store.forCall("s-call-1")).containsExactly(second, first);
        assertThat(store.forCall("s-unknown")).isEmpty();
        assertThat(store.forCall(null)).isEmpty();
    }

    @Test
    void intakesForANumberAreThatNumbersOnlyNewestFirst() {
        Intake first = saved(CALLER, "s-call-1", NOW);
        Intake second = saved(CALLER, null, NOW.plusSeconds(60));
        saved(OTHER_CALLER, null, NOW.plusSeconds(30));

        assertThat(store.forNumber(CALLER)).containsExactly(second, first);
        assertThat(store.forNumber(PhoneNumber.of("+15550000000"))).isEmpty();
    }

    @Test
    void eachFilterSelectsItsIntakesAndTheyCombine() {
        Instant dayStart = Instant.parse("2026-11-22T00:00:00Z");
        Instant nextDay = dayStart.plus(Duration.ofDays(1));
        Intake lastMinuteBefore = saved("Jane Doe", CALLER, OLIVE, dayStart.minusNanos(1000));
        Intake adaAtStart = saved("JANE SMITH", OTHER_CALLER, ADA, dayStart);
        Intake oliveMorning = saved("Bob Jones", CALLER, OLIVE, dayStart.plus(Duration.ofHours(9)));
        Intake oliveNoName = saved(null, OTHER_CALLER, OLIVE, dayStart.plus(Duration.ofHours(10)));
        Intake beforeAccounts = saved("Mary-Jane Watson", CALLER, null, dayStart.plus(Duration.ofHours(11)));
        Intake adaNextDay = saved("Zoë Ångström", CALLER, ADA, nextDay);

        assertMatches(IntakeQuery.ALL, adaNextDay, beforeAccounts, oliveNoName, oliveMorning, adaAtStart, lastMinuteBefore);
        assertMatches(query(CALLER, null, null, null, null), adaNextDay, beforeAccounts, oliveMorning, lastMinuteBefore);
        assertMatches(query(PhoneNumber.of("+15550000000"), null, null, null, null));
        assertMatches(query(null, "jane", null, null, null), beforeAccounts, adaAtStart, lastMinuteBefore);
        assertMatches(query(null, "  JANE S ", null, null, null), adaAtStart);
        assertMatches(query(null, "ZOË ÅNG", null, null, null), adaNextDay);
        assertMatches(query(null, "-", null, null, null), beforeAccounts);
        assertMatches(query(null, OLIVE, null, null), oliveNoName, oliveMorning, lastMinuteBefore);
        assertMatches(query(null, null, dayStart, null), adaNextDay, beforeAccounts, oliveNoName, oliveMorning, adaAtStart);
        assertMatches(query(null, null, null, nextDay), beforeAccounts, oliveNoName, oliveMorning, adaAtStart, lastMinuteBefore);
        assertMatches(query(null, null, dayStart, nextDay), beforeAccounts, oliveNoName, oliveMorning, adaAtStart);
        assertMatches(query(CALLER, "jane", null, dayStart, nextDay), beforeAccounts);
        assertMatches(query(CALLER, null, OLIVE, dayStart, nextDay), oliveMorning);
        assertMatches(query(CALLER, "jones", OLIVE, dayStart, nextDay), oliveMorning);
        assertMatches(query(OTHER_CALLER, "jones", OLIVE, dayStart, nextDay));
    }

    @Test
    void percentAndUnderscoreInTheNameSearchAreLettersNotWildcards() {
        Intake percent = saved("100% Plumbing", CALLER, OLIVE, NOW);
        Intake underscore = saved("a_b Ltd", CALLER, OLIVE, NOW.plusSeconds(1));
        Intake backslash = saved("C:\\Users", CALLER, OLIVE, NOW.plusSeconds(2));
        saved("1000 Plumbing", CALLER, OLIVE, NOW.plusSeconds(3));
        saved("axb Ltd", CALLER, OLIVE, NOW.plusSeconds(4));

        assertMatches(query(null, "0%", null, null, null), percent);
        assertMatches(query(null, "a_b", null, null, null), underscore);
        assertMatches(query(null, "c:\\u", null, null, null), backslash);
    }

    @Test
    void pagesAreNewestFirstAndTheCountIsOfEveryMatch() {
        List<Intake> oldestFirst = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            oldestFirst.add(saved("Caller " + i, CALLER, OLIVE, NOW.plusSeconds(i)));
        }

        assertThat(store.find(IntakeQuery.ALL, 0, 2)).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(store.find(IntakeQuery.ALL, 2, 2)).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(store.find(IntakeQuery.ALL, 4, 2)).containsExactly(oldestFirst.get(0));
        assertThat(store.find(IntakeQuery.ALL, 5, 2)).isEmpty();
        assertThat(store.find(IntakeQuery.ALL, 0, 0)).isEmpty();
        assertThat(store.count(IntakeQuery.ALL)).isEqualTo(5);
        assertThat(store.count(query(null, "caller 3", null, null, null))).isEqualTo(1);
    }

    @Test
    void intakesSavedInTheSameMicrosecondKeepOneOrderAcrossPages() {
        for (int i = 0; i < 6; i++) {
            saved("Same instant " + i, CALLER, OLIVE, NOW);
        }

        List<Intake> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 2) {
            paged.addAll(store.find(IntakeQuery.ALL, offset, 2));
        }

        assertThat(paged).hasSize(6).doesNotHaveDuplicates().containsExactlyElementsOf(store.find(IntakeQuery.ALL, 0, 6));
    }

    @Test
    void theExportStreamsEveryMatchNewestFirstAcrossItsPages() {
        // More than two export pages, three intakes to an instant, so page boundaries fall inside ties.
        int intakes = 2 * JdbcIntakeStore.EXPORT_PAGE_SIZE + 7;
        for (int i = 0; i < intakes; i++) {
            saved("Caller " + i, i % 2 == 0 ? CALLER : OTHER_CALLER, OLIVE, NOW.plusSeconds(i / 3));
        }
        saved("Ada's own", CALLER, ADA, NOW);
        IntakeQuery olives = query(null, OLIVE, null, null);

        List<Intake> streamed = new ArrayList<>();
        store.forEach(olives, streamed::add);

        assertThat(streamed).hasSize(intakes).doesNotHaveDuplicates()
                .containsExactlyElementsOf(store.find(olives, 0, intakes + 10));
        List<Intake> others = new ArrayList<>();
        store.forEach(query(OTHER_CALLER, null, null, null, null), others::add);
        assertThat(others).hasSize(intakes / 2).allMatch(intake -> intake.phone().equals(OTHER_CALLER));
    }

    @Test
    void aCorrectionIsStoredAtTheNextVersionWithItsEditAndTheHistoryIsOldestFirst() {
        Intake original = saved("Jane", CALLER, OLIVE, NOW);
        Intake renamed = original.corrected("Jane Doe", CALLER, "notes");
        IntakeEdit first = IntakeEdit.of(original, renamed, OPERATOR, NOW.plusSeconds(60));

        Intake stored = store.correct(renamed, first);

        assertThat(stored).isEqualTo(renamed.atVersion(2));
        assertThat(store.byId(original.id())).contains(stored);
        assertThat(store.find(query(null, "doe", null, null, null), 0, 10)).containsExactly(stored);
        assertThat(store.find(query(null, "jane", null, null, null), 0, 10)).containsExactly(stored);

        Intake moved = stored.corrected("Jane Doe", OTHER_CALLER, null);
        IntakeEdit second = IntakeEdit.of(stored, moved, new Actor(ADA, "ada", "Ada Admin", null), NOW.plusSeconds(120));
        assertThat(store.correct(moved, second)).isEqualTo(moved.atVersion(3));

        assertThat(store.edits(original.id())).containsExactly(first, second);
        assertThat(store.edits(original.id())).extracting(IntakeEdit::describe)
                .containsExactly("name Jane → Jane Doe", "phone +16025551234 → +442079460000; notes notes → (none)");
        assertThat(store.forNumber(OTHER_CALLER)).containsExactly(moved.atVersion(3));
        assertThat(store.forNumber(CALLER)).isEmpty();
        assertThat(store.edits(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aCorrectionFromAStaleReadingChangesNothingAndKeepsNoEdit() {
        Intake original = saved("Jane", CALLER, OLIVE, NOW);
        Intake byOlive = original.corrected("Jane Doe", CALLER, "notes");
        Intake byAda = original.corrected("Janet", CALLER, "notes");
        store.correct(byOlive, IntakeEdit.of(original, byOlive, OPERATOR, NOW.plusSeconds(60)));

        assertThatThrownBy(() -> store.correct(byAda, IntakeEdit.of(original, byAda, ADMIN, NOW.plusSeconds(61))))
                .isInstanceOf(ConcurrentChangeException.class);

        assertThat(store.byId(original.id())).contains(byOlive.atVersion(2));
        assertThat(store.edits(original.id())).hasSize(1).allMatch(edit -> edit.by().equals(OPERATOR));
    }

    @Test
    void correctingAnIntakeThatIsNotStoredIsAConcurrentChange() {
        Intake neverSaved = new Intake(UUID.randomUUID(), "Jane", CALLER, null, null, OLIVE, "Olive Operator", NOW, 1);
        Intake corrected = neverSaved.corrected("Jane Doe", CALLER, null);

        assertThatThrownBy(() -> store.correct(corrected, IntakeEdit.of(neverSaved, corrected, OPERATOR, NOW)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(store.edits(neverSaved.id())).isEmpty();
    }

    @Test
    void ofTwoCorrectionsRacingFromTheSameReadingExactlyOneWins() throws Exception {
        Intake original = saved("Jane", CALLER, OLIVE, NOW);

        List<Boolean> won = Fixtures.race(4, () -> {
            Intake mine = original.corrected("Jane " + UUID.randomUUID(), CALLER, null);
            try {
                store.correct(mine, IntakeEdit.of(original, mine, OPERATOR, NOW));
                return true;
            } catch (ConcurrentChangeException e) {
                return false;
            }
        });

        assertThat(won).containsOnlyOnce(true);
        assertThat(store.byId(original.id()).orElseThrow().version()).isEqualTo(2);
        assertThat(store.edits(original.id())).hasSize(1);
    }

    @Test
    void aKnownCallerIsTheLastNameSavedForTheNumberHowManyAndWhenTheLast() {
        assertThat(store.known(CALLER)).isEmpty();

        saved("Jane", CALLER, OLIVE, NOW);
        saved("Jane Doe", CALLER, ADA, NOW.plusSeconds(60));
        saved(null, CALLER, OLIVE, NOW.plusSeconds(120)); // saved without a name: she is still Jane Doe
        saved("Someone Else", OTHER_CALLER, OLIVE, NOW.plusSeconds(180));

        assertThat(store.known(CALLER)).contains(new KnownCaller(CALLER, "Jane Doe", 3, NOW.plusSeconds(120)));
        assertThat(store.known(OTHER_CALLER)).contains(new KnownCaller(OTHER_CALLER, "Someone Else", 1, NOW.plusSeconds(180)));
        assertThat(store.known(PhoneNumber.of("+15550000000"))).isEmpty();
    }

    @Test
    void aCallerNeverNamedIsKnownWithoutAName() {
        saved(null, CALLER, OLIVE, NOW);

        assertThat(store.known(CALLER)).contains(new KnownCaller(CALLER, null, 1, NOW));
    }

    @Test
    void aCorrectedNameIsTheNameTheCallerIsKnownBy() {
        Intake original = saved("Jnae", CALLER, OLIVE, NOW);
        Intake fixed = original.corrected("Jane", CALLER, null);
        store.correct(fixed, IntakeEdit.of(original, fixed, OPERATOR, NOW.plusSeconds(30)));

        assertThat(store.known(CALLER)).contains(new KnownCaller(CALLER, "Jane", 1, NOW));
    }

    private void assertMatches(IntakeQuery query, Intake... newestFirst) {
        assertThat(store.find(query, 0, 100)).as("find %s", query).containsExactly(newestFirst);
        assertThat(store.count(query)).as("count %s", query).isEqualTo(newestFirst.length);
        List<Intake> streamed = new ArrayList<>();
        store.forEach(query, streamed::add);
        assertThat(streamed).as("forEach %s", query).containsExactly(newestFirst);
    }

    private static IntakeQuery query(PhoneNumber phone, String name, UUID operatorId, Instant from, Instant to) {
        return new IntakeQuery(phone, name, operatorId, from, to);
    }

    private static IntakeQuery query(PhoneNumber phone, UUID operatorId, Instant from, Instant to) {
        return new IntakeQuery(phone, null, operatorId, from, to);
    }

    /** Saved as the store stores it: at version 1. */
    private Intake saved(String name, PhoneNumber phone, UUID operatorId, Instant at) {
        Intake intake = new Intake(UUID.randomUUID(), name, phone, "notes", null, operatorId,
                operatorId == null ? "olive" : "Olive Operator", at);
        store.save(intake);
        return intake.atVersion(1);
    }

    private Intake saved(PhoneNumber phone, String telephonySessionId, Instant at) {
        Intake intake = new Intake(UUID.randomUUID(), "Caller", phone, "notes", telephonySessionId, "operator", at);
        store.save(intake);
        return intake.atVersion(1);
    }
}
