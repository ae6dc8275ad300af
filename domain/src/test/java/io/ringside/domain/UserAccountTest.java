package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAccountTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final LoginLockout LOCKOUT = LoginLockout.DEFAULT;

    private final UserAccount maria = UserAccount.create("Maria", "Maria Lopez", Role.OPERATOR, null, "hash-1");

    private static UserAccount failed(UserAccount user, int times, Instant at) {
        UserAccount result = user;
        for (int i = 0; i < times; i++) {
            result = result.loginFailed(at, LOCKOUT);
        }
        return result;
    }

    @Test
    void aNewPersonIsEnabledUnlockedUnstoredAndMustChooseTheirOwnPassword() {
        assertThat(maria.username()).isEqualTo("maria");
        assertThat(maria.enabled()).isTrue();
        assertThat(maria.mustChangePassword()).isTrue();
        assertThat(maria.failedLogins()).isZero();
        assertThat(maria.isLocked(T0)).isFalse();
        assertThat(maria.lastLoginAt()).isNull();
        assertThat(maria.version()).isZero();
    }

    @Test
    void usernamesAreLowercaseAndKeepToASmallAlphabet() {
        assertThat(UserAccount.username("  Maria.Lopez@desk-1 ")).isEqualTo("maria.lopez@desk-1");
        assertThatThrownBy(() -> UserAccount.username("maria lopez"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The username may use letters, digits and . _ @ - only, and starts with a letter or digit");
        assertThatThrownBy(() -> UserAccount.username(".maria")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UserAccount.username(" ")).hasMessage("The username is required");
        assertThatThrownBy(() -> UserAccount.username("m".repeat(65))).hasMessage("The username is longer than 64 characters");
        assertThat(UserAccount.username("m".repeat(64))).hasSize(64);
    }

    @Test
    void nobodyMayBeCalledWhatTheAuditTrailCallsRingsideItself() {
        assertThatThrownBy(() -> UserAccount.username(" Ringside "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The username ringside is Ringside's own: choose another");
        assertThat(UserAccount.username("ringside.desk")).isEqualTo("ringside.desk");
    }

    @Test
    void theDisplayNameIsRequiredAndBounded() {
        assertThatThrownBy(() -> UserAccount.create("maria", " ", Role.OPERATOR, null, "hash"))
                .hasMessage("The display name is required");
        assertThatThrownBy(() -> UserAccount.create("maria", "x".repeat(101), Role.OPERATOR, null, "hash"))
                .hasMessage("The display name is longer than 100 characters");
    }

    @Test
    void theFifthWrongPasswordInARowLocksForFifteenMinutes() {
        UserAccount four = failed(maria, 4, T0);
        assertThat(four.failedLogins()).isEqualTo(4);
        assertThat(four.isLocked(T0)).isFalse();

        UserAccount five = four.loginFailed(T0, LOCKOUT);
        assertThat(five.isLocked(T0)).isTrue();
        assertThat(five.lockedUntil()).isEqualTo(T0.plus(Duration.ofMinutes(15)));
        assertThat(five.isLocked(T0.plus(Duration.ofMinutes(15)).minusMillis(1))).isTrue();
        assertThat(five.isLocked(T0.plus(Duration.ofMinutes(15)))).isFalse();
    }

    @Test
    void wrongPasswordsWhileLockedDoNotProlongTheLock() {
        UserAccount locked = failed(maria, 5, T0);

        UserAccount again = failed(locked, 3, T0.plusSeconds(60));

        assertThat(again.lockedUntil()).isEqualTo(locked.lockedUntil());
    }

    @Test
    void afterTheLockTheCountStartsAgain() {
        UserAccount locked = failed(maria, 5, T0);
        Instant later = T0.plus(Duration.ofMinutes(16));

        UserAccount afterLock = locked.loginFailed(later, LOCKOUT);

        assertThat(afterLock.isLocked(later)).isFalse();
        assertThat(afterLock.failedLogins()).isEqualTo(1);
    }

    @Test
    void aLoginClearsTheFailuresAndRecordsWhen() {
        UserAccount loggedIn = failed(maria, 3, T0).loggedIn(T0.plusSeconds(5));

        assertThat(loggedIn.failedLogins()).isZero();
        assertThat(loggedIn.lastLoginAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void aNewPasswordUnlocksAndSaysWhetherItIsTemporary() {
        UserAccount locked = failed(maria, 5, T0);

        UserAccount chosen = locked.withPassword("hash-2", false);
        assertThat(chosen.passwordHash()).isEqualTo("hash-2");
        assertThat(chosen.isLocked(T0)).isFalse();
        assertThat(chosen.failedLogins()).isZero();
        assertThat(chosen.mustChangePassword()).isFalse();
        assertThat(locked.withPassword("hash-3", true).mustChangePassword()).isTrue();
    }

    @Test
    void enablingAgainClearsALock() {
        UserAccount locked = failed(maria, 5, T0).withEnabled(false);
        assertThat(locked.isLocked(T0)).isTrue();

        UserAccount enabled = locked.withEnabled(true);

        assertThat(enabled.enabled()).isTrue();
        assertThat(enabled.isLocked(T0)).isFalse();
    }

    @Test
    void anEditKeepsTheLoginState() {
        UserAccount edited = failed(maria, 2, T0).edited("Maria L.", Role.ADMIN, ExtensionLink.typed("104"));

        assertThat(edited.displayName()).isEqualTo("Maria L.");
        assertThat(edited.isAdmin()).isTrue();
        assertThat(edited.extension()).isEqualTo(ExtensionLink.typed("104"));
        assertThat(edited.failedLogins()).isEqualTo(2);
        assertThat(edited.passwordHash()).isEqualTo("hash-1");
    }

    @Test
    void theHashNeverPrints() {
        UserAccount withSecret = maria.withPassword("$2a$10$secret-hash-value", false);

        assertThat(withSecret.toString()).doesNotContain("secret-hash-value").contains("passwordHash=********");
    }
}
