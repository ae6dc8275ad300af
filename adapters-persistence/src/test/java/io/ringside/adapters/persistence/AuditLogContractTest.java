package io.ringside.adapters.persistence;

import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.AuditQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.ringside.adapters.persistence.Fixtures.NOW;
import static io.ringside.adapters.persistence.Fixtures.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

/** The AuditLog contract on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class AuditLogContractTest {

    static final Actor ADMIN = new Actor(UUID.randomUUID(), "ada", "Ada Admin", "2001:db8::7");

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    JdbcAuditLog log;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        log = new JdbcAuditLog(database.dataSource());
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void anEntryComesBackExactlyAsAppended() {
        AuditEntry byPerson = AuditEntry.of(NOW, AuditKind.USER_CHANGED, ADMIN, "maria",
                "Role: Operator → Admin; display name \"María López\"", AuditOutcome.SUCCEEDED);
        AuditEntry bySystem = AuditEntry.of(NOW.plusSeconds(1), AuditKind.RINGCENTRAL_REFRESH_FAILED, Actor.system(),
                null, null, AuditOutcome.FAILED);
        AuditEntry triedName = AuditEntry.of(NOW.plusSeconds(2), AuditKind.LOGIN_FAILED,
                new Actor(null, "nobody", null, "203.0.113.9"), null, "Unknown username", AuditOutcome.REFUSED);
        log.append(byPerson);
        log.append(bySystem);
        log.append(triedName);

        assertThat(log.find(AuditQuery.ALL, 0, 10)).containsExactly(triedName, bySystem, byPerson);
    }

    @Test
    void pagesAreNewestFirstAndTheCountIsOfEveryMatch() {
        List<AuditEntry> oldestFirst = IntStream.range(0, 5)
                .mapToObj(i -> appended(NOW.plusSeconds(i), AuditKind.INTAKE_SAVED, OPERATOR)).toList();

        assertThat(log.find(AuditQuery.ALL, 0, 2)).containsExactly(oldestFirst.get(4), oldestFirst.get(3));
        assertThat(log.find(AuditQuery.ALL, 2, 2)).containsExactly(oldestFirst.get(2), oldestFirst.get(1));
        assertThat(log.find(AuditQuery.ALL, 4, 2)).containsExactly(oldestFirst.get(0));
        assertThat(log.find(AuditQuery.ALL, 5, 2)).isEmpty();
        assertThat(log.find(AuditQuery.ALL, 0, 0)).isEmpty();
        assertThat(log.count(AuditQuery.ALL)).isEqualTo(5);
    }

    @Test
    void eachFilterSelectsItsEntriesAndTheyCombine() {
        Instant dayStart = Instant.parse("2026-11-22T00:00:00Z");
        Instant nextDay = dayStart.plus(Duration.ofDays(1));
        AuditEntry lastMinuteBefore = appended(dayStart.minusNanos(1000), AuditKind.LOGIN_SUCCEEDED, OPERATOR);
        AuditEntry adaAtStart = appended(dayStart, AuditKind.USER_ADDED, ADMIN);
        AuditEntry oliveLogin = appended(dayStart.plus(Duration.ofHours(9)), AuditKind.LOGIN_SUCCEEDED, OPERATOR);
        AuditEntry oliveIntake = appended(dayStart.plus(Duration.ofHours(10)), AuditKind.INTAKE_SAVED, OPERATOR);
        AuditEntry adaNextDay = appended(nextDay, AuditKind.LOGIN_SUCCEEDED, ADMIN);

        assertMatches(new AuditQuery("olive", null, null, null), oliveIntake, oliveLogin, lastMinuteBefore);
        assertMatches(new AuditQuery("OLIVE", null, null, null), oliveIntake, oliveLogin, lastMinuteBefore);
        assertMatches(new AuditQuery(null, AuditKind.LOGIN_SUCCEEDED, null, null), adaNextDay, oliveLogin, lastMinuteBefore);
        assertMatches(new AuditQuery(null, null, dayStart, null), adaNextDay, oliveIntake, oliveLogin, adaAtStart);
        assertMatches(new AuditQuery(null, null, null, nextDay), oliveIntake, oliveLogin, adaAtStart, lastMinuteBefore);
        assertMatches(new AuditQuery(null, null, dayStart, nextDay), oliveIntake, oliveLogin, adaAtStart);
        assertMatches(new AuditQuery("olive", AuditKind.LOGIN_SUCCEEDED, dayStart, nextDay), oliveLogin);
        assertMatches(new AuditQuery("nobody", null, null, null));
    }

    @Test
    void theExportStreamsEveryMatchNewestFirstAcrossItsPages() {
        // More than two export pages, three entries to an instant, so page boundaries fall inside ties.
        int entries = 2 * JdbcAuditLog.EXPORT_PAGE_SIZE + 7;
        for (int i = 0; i < entries; i++) {
            appended(NOW.plusSeconds(i / 3), i % 2 == 0 ? AuditKind.LOGIN_SUCCEEDED : AuditKind.LOGOUT, OPERATOR);
        }
        appended(NOW, AuditKind.USER_ADDED, ADMIN);
        AuditQuery olives = new AuditQuery("olive", null, null, null);

        List<AuditEntry> streamed = new ArrayList<>();
        log.forEach(olives, streamed::add);

        assertThat(streamed).hasSize(entries).doesNotHaveDuplicates()
                .containsExactlyElementsOf(log.find(olives, 0, entries + 10));
        List<AuditEntry> logouts = new ArrayList<>();
        log.forEach(new AuditQuery(null, AuditKind.LOGOUT, null, null), logouts::add);
        assertThat(logouts).hasSize(entries / 2).allMatch(e -> e.kind() == AuditKind.LOGOUT);
    }

    @Test
    void purgingRemovesOnlyEntriesBeforeTheCutoff() {
        AuditEntry old = appended(NOW.minus(Duration.ofDays(366)), AuditKind.LOGIN_SUCCEEDED, OPERATOR);
        AuditEntry atCutoff = appended(NOW.minus(Duration.ofDays(365)), AuditKind.LOGIN_SUCCEEDED, OPERATOR);
        AuditEntry recent = appended(NOW, AuditKind.LOGIN_SUCCEEDED, OPERATOR);

        assertThat(log.deleteBefore(NOW.minus(Duration.ofDays(365)))).isEqualTo(1);
        assertThat(log.find(AuditQuery.ALL, 0, 10)).containsExactly(recent, atCutoff).doesNotContain(old);
        assertThat(log.deleteBefore(NOW.minus(Duration.ofDays(365)))).isZero();
    }

    @Test
    void aUsernameTriedAtTheLoginFormIsAuditedWhateverItsLength() {
        String typed = "x".repeat(5000);

        log.append(AuditEntry.of(NOW, AuditKind.LOGIN_FAILED, new Actor(null, typed, null, "203.0.113.9"), null, null,
                AuditOutcome.REFUSED));

        AuditEntry stored = log.find(AuditQuery.ALL, 0, 1).getFirst();
        assertThat(stored.actor().username()).startsWith("xxx").hasSizeLessThanOrEqualTo(200);
        assertThat(stored.actor().address()).isEqualTo("203.0.113.9");
    }

    private void assertMatches(AuditQuery query, AuditEntry... newestFirst) {
        assertThat(log.find(query, 0, 100)).as("find %s", query).containsExactly(newestFirst);
        assertThat(log.count(query)).as("count %s", query).isEqualTo(newestFirst.length);
        List<AuditEntry> streamed = new ArrayList<>();
        log.forEach(query, streamed::add);
        assertThat(streamed).as("forEach %s", query).containsExactly(newestFirst);
    }

    private AuditEntry appended(Instant at, AuditKind kind, Actor actor) {
        AuditEntry entry = AuditEntry.of(at, kind, actor, null, null, AuditOutcome.SUCCEEDED);
        log.append(entry);
        return entry;
    }
}
