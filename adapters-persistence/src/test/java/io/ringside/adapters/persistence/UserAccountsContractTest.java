package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.UsernameTakenException;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.LoginLockout;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.ringside.adapters.persistence.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The UserAccounts contract (Spring Data JDBC) on a real H2 file database and a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(TestDatabase.Kind.class)
class UserAccountsContractTest {

    static final String HASH = "{bcrypt}$2a$10$Qm9vYmFyYmF6cXV4cXV1eOJ4m7wq0c7jQZkz1cS5bqJ7y1l5n3a9K";

    @Parameter
    TestDatabase.Kind kind;

    @TempDir
    Path dir;

    TestDatabase database;
    SpringDataJdbcContext spring;
    SpringDataUserAccounts accounts;

    @BeforeEach
    void openEmptyMigratedDatabase() {
        database = TestDatabase.open(kind, dir);
        spring = new SpringDataJdbcContext(database.dataSource());
        accounts = spring.userAccounts();
    }

    @AfterEach
    void close() {
        spring.close();
        database.close();
    }

    @Test
    void everyFieldComesBackAsStoredAtTheStoredVersion() {
        UserAccount maria = new UserAccount(UUID.randomUUID(), "maria.lopez", "María López-O'Brien", Role.OPERATOR,
                new ExtensionLink("62918407004", "104"), false, HASH, 3, NOW.plus(Duration.ofMinutes(15)),
                NOW.minus(Duration.ofDays(1)), false, 0);

        UserAccount added = accounts.add(maria);

        assertThat(added.version()).as("a stored account is never at the 'new' version").isPositive();
        assertThat(added).isEqualTo(maria.atVersion(added.version()));
        assertThat(accounts.byId(maria.id())).contains(added);
        assertThat(accounts.byUsername("maria.lopez")).contains(added);
    }

    @Test
    void anAccountWithoutExtensionAndOneWithOnlyATypedNumberComeBackAsStored() {
        UserAccount noDesk = accounts.add(UserAccount.create("ada", "Ada", Role.ADMIN, null, HASH));
        UserAccount typedNumber = accounts.add(UserAccount.create("bob", "Bob", Role.OPERATOR, ExtensionLink.typed("103"), HASH));

        assertThat(accounts.byId(noDesk.id()).orElseThrow().extension()).isNull();
        assertThat(accounts.byId(typedNumber.id()).orElseThrow().extension()).isEqualTo(new ExtensionLink(null, "103"));
        assertThat(accounts.byId(noDesk.id()).orElseThrow().mustChangePassword()).isTrue();
    }

    @Test
    void aUsernameIsFoundWhateverItsCaseAndAnInvalidOneIsSimplyNotFound() {
        UserAccount maria = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));

        assertThat(accounts.byUsername("MARIA")).contains(maria);
        assertThat(accounts.byUsername(" Maria ")).as("stray spaces around a typed name").contains(maria);
        assertThat(accounts.byUsername("maria'; DROP TABLE app_user; --")).isEmpty();
        assertThat(accounts.byUsername("")).isEmpty();
        assertThat(accounts.byUsername(null)).isEmpty();
        assertThat(accounts.byUsername("nobody")).isEmpty();
        assertThat(accounts.byId(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aUsernameTakenInAnotherCaseIsRefusedAndTheFirstPersonKept() {
        UserAccount first = accounts.add(UserAccount.create("maria", "Maria López", Role.OPERATOR, null, HASH));

        assertThatThrownBy(() -> accounts.add(UserAccount.create("Maria", "Maria Kim", Role.ADMIN, null, HASH)))
                .isInstanceOf(UsernameTakenException.class)
                .hasMessageContaining("maria");
        assertThat(accounts.all()).containsExactly(first);
    }

    @Test
    void anUpdateStoresTheChangeAtTheNextVersion() {
        UserAccount added = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));

        UserAccount loggedIn = accounts.update(added.loggedIn(NOW));
        UserAccount promoted = accounts.update(loggedIn.edited("Maria López", Role.ADMIN, ExtensionLink.typed("104")));

        assertThat(loggedIn.version()).isEqualTo(added.version() + 1);
        assertThat(promoted.version()).isEqualTo(added.version() + 2);
        assertThat(accounts.byId(added.id())).contains(promoted);
        assertThat(promoted.lastLoginAt()).isEqualTo(NOW);
        assertThat(promoted.isAdmin()).isTrue();
    }

    @Test
    void ofTwoChangesMadeFromTheSameReadingTheSecondIsRefused() {
        UUID id = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH)).id();
        UserAccount readByAdminOne = accounts.byId(id).orElseThrow();
        UserAccount readByAdminTwo = accounts.byId(id).orElseThrow();

        UserAccount disabled = accounts.update(readByAdminOne.withEnabled(false));

        assertThatThrownBy(() -> accounts.update(readByAdminTwo.edited("Maria Renamed", Role.ADMIN, null)))
                .isInstanceOf(ConcurrentChangeException.class);
        assertThat(accounts.byId(id)).contains(disabled);
    }

    @Test
    void ofChangesRacingFromTheSameReadingExactlyOneWins() throws Exception {
        UserAccount read = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        AtomicInteger admin = new AtomicInteger();

        List<String> outcomes = Fixtures.race(4, () -> {
            String name = "Maria " + admin.incrementAndGet();
            try {
                accounts.update(read.edited(name, Role.OPERATOR, null));
                return name;
            } catch (ConcurrentChangeException lost) {
                return "lost";
            }
        });

        List<String> winners = outcomes.stream().filter(o -> !o.equals("lost")).toList();
        assertThat(winners).hasSize(1);
        UserAccount stored = accounts.byId(read.id()).orElseThrow();
        assertThat(stored.displayName()).isEqualTo(winners.getFirst());
        assertThat(stored.version()).isEqualTo(read.version() + 1);
    }

    @Test
    void aChangeToAPersonRemovedMeanwhileIsRefused() {
        UserAccount maria = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        JdbcClient.create(database.dataSource()).sql("DELETE FROM app_user WHERE id = ?").param(maria.id()).update();

        assertThatThrownBy(() -> accounts.update(maria.withEnabled(false))).isInstanceOf(ConcurrentChangeException.class);
        assertThat(accounts.isEmpty()).isTrue();
    }

    // ---- a login attempt's bookkeeping -------------------------------------------------------------

    @Test
    void aLoginAttemptIsRecordedWithoutMovingTheVersionAndWithoutTouchingAnythingElse() {
        UserAccount added = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, ExtensionLink.typed("104"), HASH));

        assertThat(accounts.recordLoginState(added, added.loginFailed(NOW, LoginLockout.DEFAULT))).isTrue();
        UserAccount failedOnce = accounts.byId(added.id()).orElseThrow();
        assertThat(accounts.recordLoginState(failedOnce, failedOnce.loggedIn(NOW.plusSeconds(5)))).isTrue();

        UserAccount stored = accounts.byId(added.id()).orElseThrow();
        assertThat(failedOnce.failedLogins()).isEqualTo(1);
        assertThat(stored.failedLogins()).isZero();
        assertThat(stored.lastLoginAt()).isEqualTo(NOW.plusSeconds(5));
        assertThat(stored).isEqualTo(added.loggedIn(NOW.plusSeconds(5)));
        assertThat(stored.version()).as("what an admin's edit is checked against").isEqualTo(added.version());
    }

    @Test
    void aLoginAttemptRecordedFromAStaleReadingIsRefusedAndTheOtherKept() {
        UserAccount read = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        LoginLockout lockAtTwo = new LoginLockout(2, Duration.ofMinutes(15));
        assertThat(accounts.recordLoginState(read, read.loginFailed(NOW, lockAtTwo))).isTrue();

        assertThat(accounts.recordLoginState(read, read.loggedIn(NOW))).as("no lock, no last login: stale").isFalse();

        UserAccount failedOnce = accounts.byId(read.id()).orElseThrow();
        assertThat(failedOnce.failedLogins()).isEqualTo(1);
        UserAccount locked = failedOnce.loginFailed(NOW, lockAtTwo);
        assertThat(accounts.recordLoginState(failedOnce, locked)).isTrue();
        UserAccount lockedRead = accounts.byId(read.id()).orElseThrow();
        assertThat(lockedRead.isLocked(NOW)).isTrue();
        assertThat(accounts.recordLoginState(failedOnce, failedOnce.loggedIn(NOW))).as("lock set meanwhile: stale").isFalse();
        assertThat(accounts.recordLoginState(lockedRead, lockedRead.loggedIn(NOW.plusSeconds(1))))
                .as("a reading with a lock and a last login matches itself").isTrue();
        UserAccount loggedIn = accounts.byId(read.id()).orElseThrow();
        assertThat(accounts.recordLoginState(loggedIn, loggedIn.loggedIn(NOW.plusSeconds(2)))).isTrue();
        assertThat(accounts.recordLoginState(loggedIn, loggedIn.loggedIn(NOW.plusSeconds(3)))).as("last login moved: stale").isFalse();
        assertThat(accounts.byId(read.id()).orElseThrow().lastLoginAt()).isEqualTo(NOW.plusSeconds(2));
    }

    @Test
    void anAdminsChangeMeanwhileRefusesALoginRecordSoADisabledPersonIsSeen() {
        UserAccount read = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        UserAccount disabled = accounts.update(read.withEnabled(false));

        assertThat(accounts.recordLoginState(read, read.loggedIn(NOW))).isFalse();

        assertThat(accounts.byId(read.id())).contains(disabled);
    }

    @Test
    void anAdminsChangeFromTheListOpenedBeforeALoginStillSucceedsAndKeepsTheLogin() {
        UserAccount listed = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        assertThat(accounts.recordLoginState(listed, listed.loggedIn(NOW))).isTrue();

        UserAccount current = accounts.byId(listed.id()).orElseThrow();
        assertThat(current.version()).isEqualTo(listed.version());
        UserAccount disabled = accounts.update(current.withEnabled(false));

        assertThat(disabled.version()).isEqualTo(listed.version() + 1);
        assertThat(accounts.byId(listed.id()).orElseThrow()).satisfies(stored -> {
            assertThat(stored.enabled()).isFalse();
            assertThat(stored.lastLoginAt()).isEqualTo(NOW);
        });
    }

    @Test
    void ofLoginAttemptsRacingFromTheSameReadingExactlyOneIsRecorded() throws Exception {
        UserAccount read = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));

        List<Boolean> recorded = Fixtures.race(4, () -> accounts.recordLoginState(read, read.loginFailed(NOW, LoginLockout.DEFAULT)));

        assertThat(recorded).containsOnlyOnce(true);
        assertThat(accounts.byId(read.id()).orElseThrow().failedLogins()).isEqualTo(1);
    }

    @Test
    void aLoginRecordForAPersonRemovedMeanwhileIsRefused() {
        UserAccount maria = accounts.add(UserAccount.create("maria", "Maria", Role.OPERATOR, null, HASH));
        JdbcClient.create(database.dataSource()).sql("DELETE FROM app_user WHERE id = ?").param(maria.id()).update();

        assertThat(accounts.recordLoginState(maria, maria.loggedIn(NOW))).isFalse();
        assertThat(accounts.isEmpty()).isTrue();
    }

    @Test
    void everyoneIsListedByUsernameAndOnlyEnabledAdminsCountAsAdmins() {
        assertThat(accounts.isEmpty()).isTrue();
        assertThat(accounts.countEnabledAdmins()).isZero();
        UserAccount zoe = accounts.add(UserAccount.create("zoe", "Zoë", Role.ADMIN, null, HASH));
        UserAccount ada = accounts.add(UserAccount.create("ada", "Ada", Role.ADMIN, null, HASH));
        UserAccount bob = accounts.add(UserAccount.create("bob", "Bob", Role.OPERATOR, null, HASH));
        UserAccount carl = accounts.add(UserAccount.create("carl", "Carl", Role.ADMIN, null, HASH));
        carl = accounts.update(carl.withEnabled(false));

        assertThat(accounts.isEmpty()).isFalse();
        assertThat(accounts.all()).containsExactly(ada, bob, carl, zoe);
        assertThat(accounts.countEnabledAdmins()).isEqualTo(2);
    }
}
