package io.ringside.adapters.persistence;

import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
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
import java.util.UUID;

import static io.ringside.adapters.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

/** The IntakeStore contract on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class IntakeStoreContractTest {

    static final PhoneNumber CALLER = PhoneNumber.of("+16025551234");
    static final PhoneNumber OTHER_CALLER = PhoneNumber.of("+442079460000");

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
    void anIntakeComesBackExactlyAsSaved() {
        Intake full = new Intake(UUID.randomUUID(), "Zoë O'Brien", CALLER, "Wants a call back\nafter 5 pm — urgent",
                "s-a0b1c2d3e4f5", UUID.randomUUID(), "Olive Operator", NOW);
        // Saved the way intakes were before people had ids: no operator id.
        Intake typedByHand = new Intake(UUID.randomUUID(), null, OTHER_CALLER, null, null, "admin", NOW.plusSeconds(1));
        store.save(full);
        store.save(typedByHand);

        assertThat(store.savedBetween(NOW, NOW.plusSeconds(2))).containsExactly(typedByHand, full);
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

    private Intake saved(PhoneNumber phone, String telephonySessionId, Instant at) {
        Intake intake = new Intake(UUID.randomUUID(), "Caller", phone, "notes", telephonySessionId, "operator", at);
        store.save(intake);
        return intake;
    }
}
