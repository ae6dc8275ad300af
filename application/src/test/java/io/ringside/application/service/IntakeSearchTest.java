package io.ringside.application.service;

import io.ringside.application.port.in.Colleague;
import io.ringside.application.testing.InMemoryIntakeStore;
import io.ringside.application.testing.InMemoryUserAccounts;
import io.ringside.domain.Actor;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntakeSearchTest {

    private static final Instant T0 = Instant.parse("2026-11-22T15:00:00Z");
    private static final PhoneNumber ALICE = PhoneNumber.of("+16025551234");
    private static final PhoneNumber BOB = PhoneNumber.of("+16025559876");
    private static final Actor OLIVIA = new Actor(UUID.randomUUID(), "olivia", "Olivia Park", null);
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", null);

    private final InMemoryIntakeStore store = new InMemoryIntakeStore();
    private final InMemoryUserAccounts accounts = new InMemoryUserAccounts();
    private final IntakeSearch search = new IntakeSearch(store, accounts);

    private Intake saved(int minutesAfter, String name, PhoneNumber phone, Actor by) {
        return store.save(Intake.record(name, phone, null, null, by, T0.plusSeconds(60L * minutesAfter)));
    }

    @Test
    void pagesAreNewestFirstAndFiltered() {
        Intake first = saved(0, "Alice Jones", ALICE, OLIVIA);
        Intake bob = saved(1, "Bob Stone", BOB, MARIA);
        Intake second = saved(2, "Alice J.", ALICE, MARIA);
        IntakeQuery alice = new IntakeQuery(ALICE, null, null, null, null);

        assertThat(search.find(IntakeQuery.ALL, 0, 2)).containsExactly(second, bob);
        assertThat(search.find(IntakeQuery.ALL, 2, 2)).containsExactly(first);
        assertThat(search.find(alice, 0, 10)).containsExactly(second, first);
        assertThat(search.find(new IntakeQuery(null, "stone", null, null, null), 0, 10)).containsExactly(bob);
        assertThat(search.find(new IntakeQuery(null, null, MARIA.userId(), null, null), 0, 10)).containsExactly(second, bob);
        assertThat(search.count(alice)).isEqualTo(2);
        assertThat(search.count(IntakeQuery.ALL)).isEqualTo(3);
    }

    @Test
    void aPageHoldsOneToFiveHundredIntakesFromAnOffsetOfZeroOrMore() {
        saved(0, "Alice Jones", ALICE, OLIVIA);

        assertThat(search.find(IntakeQuery.ALL, 0, 1)).hasSize(1);
        assertThat(search.find(IntakeQuery.ALL, 0, IntakeSearch.MAX_PAGE_SIZE)).hasSize(1);
        assertThat(search.find(IntakeQuery.ALL, 1, 10)).isEmpty();
        assertThatThrownBy(() -> search.find(IntakeQuery.ALL, -1, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> search.find(IntakeQuery.ALL, 0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 500");
        assertThatThrownBy(() -> search.find(IntakeQuery.ALL, 0, 501))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1 to 500");
        assertThat(IntakeSearch.MAX_PAGE_SIZE).isEqualTo(500);
    }

    @Test
    void theExportHandsOverEveryMatchingIntakeNewestFirstWhateverThePageSize() {
        List<Intake> alices = new ArrayList<>();
        for (int minute = 0; minute < IntakeSearch.MAX_PAGE_SIZE + 20; minute++) {
            alices.addFirst(saved(minute, "Alice", ALICE, OLIVIA));
        }
        saved(9999, "Bob", BOB, OLIVIA);
        List<Intake> exported = new ArrayList<>();

        search.export(new IntakeQuery(ALICE, null, null, null, null), exported::add);

        assertThat(exported).containsExactlyElementsOf(alices);
    }

    @Test
    void colleaguesAreEveryoneWithAnAccountDisabledToo_ByDisplayName() {
        UserAccount zoe = accounts.add(UserAccount.create("a.zoe", "Zoe Adams", Role.OPERATOR, null, "hash"));
        UserAccount elodie = accounts.add(UserAccount.create("z.elodie", "élodie Martin", Role.ADMIN, null, "hash"));
        UserAccount bob = accounts.add(UserAccount.create("bob", "Bob Stone", Role.OPERATOR, null, "hash"));
        accounts.update(bob.withEnabled(false));

        assertThat(search.colleagues()).containsExactly(
                new Colleague(bob.id(), "Bob Stone"),
                new Colleague(elodie.id(), "élodie Martin"),
                new Colleague(zoe.id(), "Zoe Adams"));
    }

    @Test
    void nobodyWithAnAccountMeansNoColleagues() {
        assertThat(search.colleagues()).isEmpty();
    }
}
