package io.ringside.application.service;

import io.ringside.application.testing.FakePasswordHasher;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryUserAccounts;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstAccountsTest {

    private static final Password ADMIN_PASSWORD = new Password("correct horse battery");
    private static final Password OPERATOR_PASSWORD = new Password("staple operator");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T09:00:00Z"));
    private final InMemoryUserAccounts users = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final FirstAccounts firstAccounts = new FirstAccounts(users, hasher, new Auditor(audit, clock));

    @Test
    void theFirstStartCreatesTheAdminFromItsPasswordReadyToUse() {
        assertThat(firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, null)).containsExactly("admin");

        UserAccount admin = users.get("admin");
        assertThat(admin.role()).isEqualTo(Role.ADMIN);
        assertThat(admin.displayName()).isEqualTo("Administrator");
        assertThat(admin.enabled()).isTrue();
        assertThat(admin.mustChangePassword()).isFalse();
        assertThat(hasher.matches(ADMIN_PASSWORD, admin.passwordHash())).isTrue();
        assertThat(users.all()).hasSize(1);
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_ADDED);
        assertThat(entry.actor()).isEqualTo(Actor.system());
        assertThat(entry.subject()).isEqualTo("admin");
    }

    @Test
    void theOperatorIsCreatedTooWhenItsPasswordIsGiven() {
        assertThat(firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, OPERATOR_PASSWORD)).containsExactly("admin", "operator");

        UserAccount operator = users.get("operator");
        assertThat(operator.role()).isEqualTo(Role.OPERATOR);
        assertThat(operator.displayName()).isEqualTo("Operator");
        assertThat(hasher.matches(OPERATOR_PASSWORD, operator.passwordHash())).isTrue();
        assertThat(audit.of(AuditKind.USER_ADDED)).hasSize(2);
    }

    @Test
    void laterStartsNeverResetAPasswordChangedInTheConsole() {
        firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, OPERATOR_PASSWORD);
        Password changed = new Password("changed in the console");
        users.update(users.get("admin").withPassword(hasher.hash(changed), false));
        users.update(users.get("operator").withPassword(hasher.hash(changed), false));

        assertThat(firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, OPERATOR_PASSWORD)).isEmpty();
        assertThat(firstAccounts.ensureFirstUsers(new Password("a different one"), new Password("another different"))).isEmpty();

        assertThat(hasher.matches(changed, users.get("admin").passwordHash())).isTrue();
        assertThat(hasher.matches(changed, users.get("operator").passwordHash())).isTrue();
        assertThat(users.all()).hasSize(2);
        assertThat(audit.entries()).hasSize(2);
    }

    @Test
    void theOperatorIsAddedOnceWhenItsPasswordIsSetAfterTheFirstStart() {
        firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, null);

        assertThat(firstAccounts.ensureFirstUsers(null, OPERATOR_PASSWORD)).containsExactly("operator");
        assertThat(firstAccounts.ensureFirstUsers(null, OPERATOR_PASSWORD)).isEmpty();
    }

    @Test
    void withNobodyAndNoAdminPasswordStartUpCannotGoOn() {
        assertThatThrownBy(() -> firstAccounts.ensureFirstUsers(null, OPERATOR_PASSWORD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no password for the first admin");
        assertThat(users.isEmpty()).isTrue();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void whenPeopleExistNoAdminPasswordIsNeeded() {
        firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, null);

        assertThat(firstAccounts.ensureFirstUsers(null, null)).isEmpty();
    }

    @Test
    void theDemoSeedsATeamOnTheSimulatorsExtensionsOnce() {
        assertThat(firstAccounts.seedDemo()).containsExactly("admin", "operator", "sam", "jordan");

        assertThat(users.get("admin").role()).isEqualTo(Role.ADMIN);
        UserAccount sam = users.get("sam");
        assertThat(sam.displayName()).isEqualTo("Sam Rivera");
        assertThat(sam.role()).isEqualTo(Role.OPERATOR);
        assertThat(sam.extension()).isEqualTo(new ExtensionLink("62264425002", "102"));
        UserAccount jordan = users.get("jordan");
        assertThat(jordan.displayName()).isEqualTo("Jordan Lee");
        assertThat(jordan.extension()).isEqualTo(new ExtensionLink("62264425003", "103"));
        for (String username : new String[]{"admin", "operator", "sam", "jordan"}) {
            UserAccount user = users.get(username);
            assertThat(hasher.matches(new Password(username), user.passwordHash())).as(username).isTrue();
            assertThat(user.mustChangePassword()).as(username).isFalse();
        }
        assertThat(audit.of(AuditKind.USER_ADDED)).hasSize(4)
                .allSatisfy(entry -> assertThat(entry.actor()).isEqualTo(Actor.system()));

        assertThat(firstAccounts.seedDemo()).isEmpty();
        assertThat(audit.entries()).hasSize(4);
    }

    @Test
    void theDemoAddsNobodyWhenSomeoneExists() {
        firstAccounts.ensureFirstUsers(ADMIN_PASSWORD, null);

        assertThat(firstAccounts.seedDemo()).isEmpty();
        assertThat(users.all()).hasSize(1);
    }
}
