package io.ringside.application.service;

import io.ringside.application.port.in.LoginResult;
import io.ringside.application.port.in.LoginResult.Reason;
import io.ringside.application.port.in.UserSummary;
import io.ringside.application.testing.FakePasswordHasher;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryUserAccounts;
import io.ringside.application.testing.MutableClock;
import io.ringside.application.testing.RecordingUserSessions;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoginsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final Password RIGHT = new Password("maria-right-password");
    private static final Password WRONG = new Password("not-her-password");
    private static final String ADDRESS = "203.0.113.7";

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserAccounts users = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final Logins logins = new Logins(users, hasher, new Auditor(audit, clock), clock);
    private final UserAccount maria = users.add(
            UserAccount.create("maria", "Maria Lopez", Role.OPERATOR, null, "unset").withPassword(hasher.hash(RIGHT), false));

    private static LoginResult.Refused refused(Reason reason, String message) {
        return new LoginResult.Refused(reason, message);
    }

    private List<AuditKind> kinds() {
        return audit.entries().stream().map(AuditEntry::kind).toList();
    }

    @Test
    void theRightPasswordLogsInRecordsTheLoginAndWritesOneEntry() {
        LoginResult result = logins.logIn("maria", RIGHT, ADDRESS);

        assertThat(result).isInstanceOfSatisfying(LoginResult.Accepted.class, accepted -> {
            assertThat(accepted.user().username()).isEqualTo("maria");
            assertThat(accepted.user().displayName()).isEqualTo("Maria Lopez");
            assertThat(accepted.user().lastLoginAt()).isEqualTo(T0);
            assertThat(accepted.user().mustChangePassword()).isFalse();
        });
        assertThat(users.get("maria").lastLoginAt()).isEqualTo(T0);
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.LOGIN_SUCCEEDED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor().userId()).isEqualTo(maria.id());
        assertThat(entry.actor().displayName()).isEqualTo("Maria Lopez");
        assertThat(entry.actor().address()).isEqualTo(ADDRESS);
        assertThat(entry.subject()).isEqualTo("maria");
    }

    @Test
    void theUsernameIsTakenWithoutCaseOrSurroundingSpaces() {
        assertThat(logins.logIn("  Maria ", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);
        assertThat(audit.only().actor().username()).isEqualTo("maria");
    }

    @Test
    void aWrongPasswordIsRefusedWithoutSayingWhichPartWasWrong() {
        assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, "Wrong username or password."));

        assertThat(users.get("maria").failedLogins()).isEqualTo(1);
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.detail()).isEqualTo("wrong password");
        assertThat(entry.actor().userId()).isEqualTo(maria.id());
    }

    @Test
    void fiveWrongPasswordsLockTheUsernameForFifteenMinutesEvenAgainstTheRightPassword() {
        for (int i = 1; i <= 4; i++) {
            assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
        }
        assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.LOCKED,
                "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password."));
        assertThat(users.get("maria").isLocked(clock.instant())).isTrue();

        clock.advance(Duration.ofMinutes(1));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));

        // One entry per attempt: four failures, the one that locked, and the refused right password.
        assertThat(kinds()).containsExactly(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED,
                AuditKind.LOGIN_FAILED, AuditKind.LOGIN_LOCKED, AuditKind.LOGIN_FAILED);
        assertThat(audit.of(AuditKind.LOGIN_LOCKED)).singleElement()
                .satisfies(locked -> assertThat(locked.detail()).isEqualTo("5 wrong passwords in a row: locked for 15 minutes"));
        AuditEntry whileLocked = audit.entries().getLast();
        assertThat(whileLocked.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(whileLocked.detail()).contains("locked");

        clock.set(T0.plus(Duration.ofMinutes(15)).minusSeconds(1));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
        clock.set(T0.plus(Duration.ofMinutes(15)));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);
        assertThat(users.get("maria").failedLogins()).isZero();
        assertThat(audit.entries()).hasSize(8);
    }

    @Test
    void aSuccessfulLoginStartsTheCountAgain() {
        for (int i = 0; i < 4; i++) {
            logins.logIn("maria", WRONG, ADDRESS);
        }
        logins.logIn("maria", RIGHT, ADDRESS);
        for (int i = 0; i < 4; i++) {
            assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
        }
    }

    @Test
    void aUsernameNobodyHasGetsTheSameAnswersAsOneThatExists() {
        List<LoginResult> known = new ArrayList<>();
        List<LoginResult> unknown = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            known.add(logins.logIn("maria", WRONG, "198.51.100.1"));
            unknown.add(logins.logIn("nobody", WRONG, "198.51.100.2"));
        }

        assertThat(unknown).isEqualTo(known);
        assertThat(unknown.get(4)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
        List<AuditEntry> aboutNobody = audit.entries().stream().filter(entry -> "nobody".equals(entry.subject())).toList();
        assertThat(aboutNobody).extracting(AuditEntry::kind).containsExactly(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED,
                AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED, AuditKind.LOGIN_LOCKED, AuditKind.LOGIN_FAILED);
        assertThat(aboutNobody).allSatisfy(entry -> assertThat(entry.actor().userId()).isNull());
        assertThat(aboutNobody.getFirst().detail()).isEqualTo("no such username");

        clock.advance(Duration.ofMinutes(15));
        assertThat(logins.logIn("nobody", WRONG, "198.51.100.2")).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
    }

    @Test
    void everyAttemptThatIsNotThrottledComparesOnePasswordWithAHashExistingOrNot() {
        int before = hasher.comparisons();
        logins.logIn("maria", WRONG, ADDRESS);
        logins.logIn("maria", RIGHT, ADDRESS);
        logins.logIn("nobody", WRONG, ADDRESS);
        logins.logIn("not a username!", WRONG, ADDRESS);

        assertThat(hasher.comparisons() - before).isEqualTo(4);
    }

    @Test
    void whatWasTypedIsAuditedTrimmedAndCutWhenItIsNoUsername() {
        logins.logIn("  Robert'); DROP TABLE users; " + "x".repeat(100), WRONG, ADDRESS);

        AuditEntry entry = audit.only();
        assertThat(entry.actor().username()).startsWith("Robert');").hasSize(64);
        assertThat(entry.actor().userId()).isNull();

        assertThat(logins.logIn("   ", WRONG, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
    }

    @Test
    void aDisabledPersonWithTheRightPasswordHearsTheSameAsAWrongPassword() {
        users.update(users.get("maria").withEnabled(false));

        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, "Wrong username or password."));

        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.detail()).isEqualTo("disabled");
        assertThat(users.get("maria").lastLoginAt()).isNull();
    }

    @Test
    void aPersonDisabledWhileTheirLoginWasCheckedIsRefused() {
        users.beforeNextUpdate(() -> users.changeBehindTheBack(users.get("maria").withEnabled(false)));

        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
        assertThat(audit.only().detail()).isEqualTo("disabled");
    }

    @Test
    void aChangeMadeMeanwhileIsKeptAndTheLoginStillCounts() {
        users.beforeNextUpdate(() -> users.changeBehindTheBack(users.get("maria").edited("Maria L.", Role.OPERATOR, null)));

        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);

        UserAccount stored = users.get("maria");
        assertThat(stored.displayName()).isEqualTo("Maria L.");
        assertThat(stored.lastLoginAt()).isEqualTo(T0);
        assertThat(audit.entries()).hasSize(1);
    }

    @Test
    void loggingInAndFailingLeaveTheVersionAnAdminsEditIsCheckedAgainst() {
        logins.logIn("maria", WRONG, ADDRESS);
        logins.logIn("maria", RIGHT, ADDRESS);

        UserAccount stored = users.get("maria");
        assertThat(stored.lastLoginAt()).isEqualTo(T0);
        assertThat(stored.version()).isEqualTo(maria.version());
        assertThat(users.loginRecords()).isEqualTo(2);
        assertThat(users.updates()).isZero();
    }

    @Test
    void mariaLoggingInBetweenTheAdminsListAndTheirDisableDoesNotSpoilTheDisable() {
        UserAccount boss = users.add(UserAccount.create("boss", "Bea Boss", Role.ADMIN, null, "unset"));
        UserAdministration administration = new UserAdministration(users, hasher, new RecordingUserSessions(),
                new Auditor(audit, clock), new TemporaryPasswords(), clock);
        UserSummary listed = administration.list().stream().filter(user -> user.username().equals("maria")).findFirst().orElseThrow();

        clock.advance(Duration.ofMinutes(3));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);
        logins.logIn("maria", WRONG, ADDRESS);
        UserSummary disabled = administration.setEnabled(listed.id(), listed.version(), false, Actor.of(boss, "192.0.2.10"));

        assertThat(disabled.enabled()).isFalse();
        UserAccount stored = users.get("maria");
        assertThat(stored.enabled()).isFalse();
        assertThat(stored.lastLoginAt()).as("her login is kept").isEqualTo(T0.plus(Duration.ofMinutes(3)));
        assertThat(stored.failedLogins()).isEqualTo(1);
        assertThat(audit.of(AuditKind.USER_DISABLED)).singleElement()
                .satisfies(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED));
    }

    @Test
    void twoWrongPasswordsRacingBothCount() {
        users.beforeNextUpdate(() -> logins.logIn("maria", WRONG, "198.51.100.3"));

        assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));

        assertThat(users.get("maria").failedLogins()).isEqualTo(2);
        assertThat(kinds()).containsExactly(AuditKind.LOGIN_FAILED, AuditKind.LOGIN_FAILED);
    }

    @Test
    void aWrongPasswordRacingTheOneThatLocksFindsTheUsernameLocked() {
        for (int i = 0; i < 3; i++) {
            logins.logIn("maria", WRONG, ADDRESS);
        }
        users.beforeNextUpdate(() -> logins.logIn("maria", WRONG, "198.51.100.3"));

        assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));

        assertThat(users.get("maria").isLocked(clock.instant())).isTrue();
    }

    // ---- a machine's check (HTTP Basic on the Actuator endpoints) -----------------------------------

    private static final String VIA = "Actuator (HTTP Basic)";

    @Test
    void aMachinesCheckWithTheRightPasswordIsNeitherAuditedNorALogin() {
        for (int scrape = 0; scrape < 3; scrape++) {
            assertThat(logins.verify("maria", RIGHT, ADDRESS, VIA)).isInstanceOfSatisfying(LoginResult.Accepted.class,
                    accepted -> assertThat(accepted.user().username()).isEqualTo("maria"));
            clock.advance(Duration.ofSeconds(15));
        }

        assertThat(audit.entries()).isEmpty();
        assertThat(users.get("maria")).isEqualTo(maria);
        assertThat(users.loginRecords()).isZero();
    }

    @Test
    void aMachinesWrongPasswordIsAuditedAsAFailedLoginAndCountsTowardsTheLock() {
        assertThat(logins.verify("maria", WRONG, ADDRESS, VIA)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));

        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.detail()).isEqualTo("Actuator (HTTP Basic): wrong password");
        assertThat(entry.actor().address()).isEqualTo(ADDRESS);

        for (int i = 0; i < 3; i++) {
            logins.logIn("maria", WRONG, ADDRESS);
        }
        assertThat(logins.verify("maria", WRONG, ADDRESS, VIA)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
        assertThat(audit.entries().getLast().kind()).isEqualTo(AuditKind.LOGIN_LOCKED);
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).as("locked for people too").isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
        assertThat(logins.verify("maria", RIGHT, ADDRESS, VIA)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
        assertThat(audit.entries().getLast().detail()).isEqualTo("Actuator (HTTP Basic): locked: too many wrong passwords");
    }

    @Test
    void aMachinesRightPasswordDoesNotGiveAGuesserFreshAttempts() {
        for (int i = 0; i < 4; i++) {
            logins.logIn("maria", WRONG, ADDRESS);
        }
        logins.verify("maria", RIGHT, "192.0.2.50", VIA);

        assertThat(logins.logIn("maria", WRONG, ADDRESS)).isEqualTo(refused(Reason.LOCKED, Logins.LOCKED));
    }

    @Test
    void aMachinesCheckForADisabledPersonOrAnUnknownUsernameIsRefusedAndAudited() {
        users.update(users.get("maria").withEnabled(false));

        assertThat(logins.verify("maria", RIGHT, ADDRESS, VIA)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));
        assertThat(logins.verify("nobody", RIGHT, ADDRESS, VIA)).isEqualTo(refused(Reason.BAD_CREDENTIALS, Logins.BAD_CREDENTIALS));

        assertThat(audit.entries()).extracting(AuditEntry::detail)
                .containsExactly("Actuator (HTTP Basic): disabled", "Actuator (HTTP Basic): no such username");
    }

    @Test
    void twentyFailuresFromOneAddressThrottleItWhateverTheUsernameUntilTheOldestLeavesTheWindow() {
        for (int i = 0; i < 20; i++) {
            logins.logIn("guess" + i, WRONG, ADDRESS);
            clock.advance(Duration.ofSeconds(10));
        }

        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.THROTTLED,
                "Too many login attempts from your address. Wait a few minutes and try again."));
        AuditEntry throttled = audit.entries().getLast();
        assertThat(throttled.kind()).isEqualTo(AuditKind.LOGIN_FAILED);
        assertThat(throttled.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(throttled.detail()).contains("throttled");
        assertThat(audit.entries()).hasSize(21);
        assertThat(users.get("maria").failedLogins()).as("a throttled attempt is no guess at her password").isZero();

        assertThat(logins.logIn("maria", RIGHT, "198.51.100.9")).as("another address").isInstanceOf(LoginResult.Accepted.class);

        clock.set(T0.plus(Duration.ofMinutes(10)).minusSeconds(1));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isEqualTo(refused(Reason.THROTTLED, Logins.THROTTLED));
        clock.set(T0.plus(Duration.ofMinutes(10)));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);
    }

    @Test
    void requestsWithoutAnAddressShareOneBucket() {
        for (int i = 0; i < 20; i++) {
            logins.logIn("guess" + i, WRONG, null);
        }

        assertThat(logins.logIn("maria", RIGHT, null)).isEqualTo(refused(Reason.THROTTLED, Logins.THROTTLED));
        assertThat(logins.logIn("maria", RIGHT, ADDRESS)).isInstanceOf(LoginResult.Accepted.class);
    }

    @Test
    void logoutsAndEndedSessionsAreAuditedOnceEach() {
        logins.loggedOut("maria", ADDRESS);
        logins.sessionEnded("Maria", "idle for 30 minutes");

        assertThat(audit.entries()).extracting(AuditEntry::kind).containsExactly(AuditKind.LOGOUT, AuditKind.SESSION_ENDED);
        AuditEntry logout = audit.entries().getFirst();
        assertThat(logout.actor().userId()).isEqualTo(maria.id());
        assertThat(logout.actor().address()).isEqualTo(ADDRESS);
        AuditEntry ended = audit.entries().getLast();
        assertThat(ended.subject()).isEqualTo("maria");
        assertThat(ended.detail()).isEqualTo("idle for 30 minutes");
    }
}
