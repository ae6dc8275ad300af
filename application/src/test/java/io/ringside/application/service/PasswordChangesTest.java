package io.ringside.application.service;

import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.application.port.in.WrongCurrentPasswordException;
import io.ringside.application.testing.FakePasswordHasher;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryUserAccounts;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordChangesTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final Password TEMPORARY = new Password("Temporary4567890");
    private static final Password NEW = new Password("lantern-otter-93");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserAccounts users = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final PasswordChanges changes = new PasswordChanges(users, hasher,
            new PasswordRules(password -> Set.of("password1234").contains(password.value().toLowerCase())), new Auditor(audit, clock));
    private final UserAccount maria = users.add(UserAccount.create("maria", "Maria Lopez", Role.OPERATOR, null, hasher.hash(TEMPORARY)));
    private final Actor who = Actor.of(maria, "203.0.113.7");

    @Test
    void aChangedPasswordReplacesTheTemporaryOneAndIsAuditedOnce() {
        assertThat(maria.mustChangePassword()).isTrue();

        changes.change(who, TEMPORARY, NEW);

        UserAccount stored = users.get("maria");
        assertThat(hasher.matches(NEW, stored.passwordHash())).isTrue();
        assertThat(hasher.matches(TEMPORARY, stored.passwordHash())).isFalse();
        assertThat(stored.mustChangePassword()).isFalse();
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.PASSWORD_CHANGED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(who);
        assertThat(entry.subject()).isEqualTo("maria");
    }

    @Test
    void aWrongCurrentPasswordIsRefusedAndAuditedAsFailed() {
        assertThatThrownBy(() -> changes.change(who, new Password("a-wrong-guess-here"), NEW))
                .isInstanceOf(WrongCurrentPasswordException.class)
                .hasMessage("The current password is not right.");

        assertThat(hasher.matches(TEMPORARY, users.get("maria").passwordHash())).isTrue();
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.PASSWORD_CHANGED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
    }

    @Test
    void theNewPasswordMustDifferFromTheCurrentOne() {
        assertThatThrownBy(() -> changes.change(who, TEMPORARY, TEMPORARY))
                .isInstanceOf(PasswordRejectedException.class)
                .isNotInstanceOf(WrongCurrentPasswordException.class)
                .hasMessage("The new password must differ from the current one.");
        assertThat(users.get("maria").mustChangePassword()).isTrue();
        assertThat(audit.only().outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void theNewPasswordFollowsThePasswordRules() {
        assertThatThrownBy(() -> changes.change(who, TEMPORARY, new Password("too-short")))
                .hasMessage("The password must be at least 12 characters long (this one has 9).");
        assertThatThrownBy(() -> changes.change(who, TEMPORARY, new Password("Password1234")))
                .hasMessage("This password is on a list of commonly used passwords; choose one that is harder to guess.");
        assertThatThrownBy(() -> changes.change(who, TEMPORARY, new Password("MARIA")))
                .hasMessageContaining("at least 12");

        assertThat(hasher.matches(TEMPORARY, users.get("maria").passwordHash())).isTrue();
        assertThat(audit.entries()).hasSize(3).allSatisfy(entry -> assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED));
    }

    @Test
    void theChangeIsStoredEvenWhenALoginChangedThePersonMeanwhile() {
        users.beforeNextUpdate(() -> users.changeBehindTheBack(users.get("maria").loggedIn(T0)));

        changes.change(who, TEMPORARY, NEW);

        UserAccount stored = users.get("maria");
        assertThat(hasher.matches(NEW, stored.passwordHash())).isTrue();
        assertThat(stored.lastLoginAt()).isEqualTo(T0);
        assertThat(audit.only().outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
    }

    @Test
    void aDisabledPersonCannotChangeTheirPassword() {
        users.update(users.get("maria").withEnabled(false));

        assertThatThrownBy(() -> changes.change(who, TEMPORARY, NEW)).hasMessage("The current password is not right.");
    }
}
