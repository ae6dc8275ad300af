package io.ringside.application.service;

import io.ringside.application.port.in.IssuedPassword;
import io.ringside.application.port.in.UserChangeRefusedException;
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
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.LoginLockout;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserAdministrationTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryUserAccounts users = new InMemoryUserAccounts();
    private final FakePasswordHasher hasher = new FakePasswordHasher();
    private final RecordingUserSessions sessions = new RecordingUserSessions();
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final UserAdministration administration = new UserAdministration(users, hasher, sessions, new Auditor(audit, clock),
            new TemporaryPasswords(), clock);
    private final UserAccount boss = store("boss", "Bea Boss", Role.ADMIN, null);
    private final Actor admin = Actor.of(boss, "192.0.2.10");

    private UserAccount store(String username, String displayName, Role role, ExtensionLink extension) {
        return users.add(UserAccount.create(username, displayName, role, extension, "unset")
                .withPassword(hasher.hash(new Password(username + "-long-password")), false));
    }

    private static ExtensionLink ext(String number) {
        return ExtensionLink.typed(number);
    }

    private AuditEntry onlyEntry() {
        return audit.only();
    }

    // ---- add ---------------------------------------------------------------------------------

    @Test
    void anAddedPersonGetsATemporaryPasswordShownOnceAndMustChangeIt() {
        IssuedPassword issued = administration.add("Maria", "Maria Lopez", Role.OPERATOR, ext("104"), admin);

        assertThat(issued.temporaryPassword()).hasSize(16);
        assertThat(issued.toString()).doesNotContain(issued.temporaryPassword());
        UserSummary maria = issued.user();
        assertThat(maria.username()).isEqualTo("maria");
        assertThat(maria.mustChangePassword()).isTrue();
        assertThat(maria.enabled()).isTrue();
        UserAccount stored = users.get("maria");
        assertThat(hasher.matches(new Password(issued.temporaryPassword()), stored.passwordHash())).isTrue();
        assertThat(maria.version()).isEqualTo(stored.version());

        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_ADDED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(admin);
        assertThat(entry.subject()).isEqualTo("maria");
        assertThat(entry.detail()).isEqualTo("Maria Lopez · OPERATOR · extension 104");
    }

    @Test
    void aTakenUsernameIsRefusedInWordsAndAuditedOnce() {
        store("maria", "Maria Lopez", Role.OPERATOR, null);

        assertThatThrownBy(() -> administration.add("MARIA", "Another Maria", Role.OPERATOR, null, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("The username maria is taken");

        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_ADDED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.detail()).isEqualTo("The username maria is taken");
        assertThat(users.get("maria").displayName()).isEqualTo("Maria Lopez");
    }

    @Test
    void aFieldProblemIsSaidAndNothingIsStored() {
        assertThatThrownBy(() -> administration.add("maria lopez", "Maria Lopez", Role.OPERATOR, null, admin))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("letters, digits and . _ @ - only");
        assertThat(users.all()).hasSize(1);
    }

    // ---- edit --------------------------------------------------------------------------------

    @Test
    void anEditIsStoredAndItsAuditEntryListsWhatChanged() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);

        UserSummary edited = administration.edit(maria.id(), maria.version(), "Maria Lopez", Role.ADMIN, ext("104"), admin);

        assertThat(edited.role()).isEqualTo(Role.ADMIN);
        assertThat(edited.extension()).isEqualTo(ext("104"));
        assertThat(edited.version()).isEqualTo(maria.version() + 1);
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_CHANGED);
        assertThat(entry.subject()).isEqualTo("maria");
        assertThat(entry.detail()).isEqualTo("role OPERATOR → ADMIN; extension none → 104");
        assertThat(sessions.ended()).as("a new role takes effect at the next login").containsExactly("maria");
    }

    @Test
    void anEditThatKeepsTheRoleLeavesTheirSessionsOpen() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);

        administration.edit(maria.id(), maria.version(), "Maria López", Role.OPERATOR, ext("104"), admin);

        assertThat(sessions.ended()).isEmpty();
        assertThat(users.get("maria").displayName()).isEqualTo("Maria López");
    }

    @Test
    void anEditThatChangesNothingStoresNothingAndWritesNoEntry() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, ext("104"));

        UserSummary same = administration.edit(maria.id(), maria.version(), " Maria Lopez ", Role.OPERATOR, ext("104"), admin);

        assertThat(same.version()).isEqualTo(maria.version());
        assertThat(users.updates()).isZero();
        assertThat(audit.entries()).isEmpty();
    }

    @Test
    void anEditMadeOnAStaleListIsRefused() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);
        users.changeBehindTheBack(maria.edited("Maria L.", Role.OPERATOR, null));

        assertThatThrownBy(() -> administration.edit(maria.id(), maria.version(), "Maria", Role.ADMIN, null, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("Someone else changed Maria L. meanwhile. Reload the list and try again.");
        assertThat(users.get("maria").role()).isEqualTo(Role.OPERATOR);
        assertThat(onlyEntry().outcome()).isEqualTo(AuditOutcome.REFUSED);
    }

    @Test
    void anEditThatLosesARaceWithAnotherSaveIsRefused() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);
        users.beforeNextUpdate(() -> users.changeBehindTheBack(users.get("maria").edited("Maria L.", Role.OPERATOR, null)));

        assertThatThrownBy(() -> administration.edit(maria.id(), maria.version(), "Maria", Role.ADMIN, null, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("Someone else changed Maria Lopez meanwhile. Reload the list and try again.");
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_CHANGED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.detail()).isEqualTo("Someone else changed Maria Lopez meanwhile. Reload the list and try again.");
    }

    @Test
    void someoneWhoNoLongerExistsCannotBeChanged() {
        assertThatThrownBy(() -> administration.edit(UUID.randomUUID(), 1, "Ghost", Role.OPERATOR, null, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("That person no longer exists. Reload the list.");
        assertThatThrownBy(() -> administration.resetPassword(UUID.randomUUID(), admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("That person no longer exists. Reload the list.");
        assertThat(audit.entries()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.REFUSED, AuditOutcome.REFUSED);
    }

    @Test
    void theLastEnabledAdminCannotBeDemotedButOneOfTwoCan() {
        assertThatThrownBy(() -> administration.edit(boss.id(), boss.version(), "Bea Boss", Role.OPERATOR, null, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("Ringside needs at least one enabled admin: make someone else an admin first.");
        assertThat(users.get("boss").role()).isEqualTo(Role.ADMIN);
        assertThat(onlyEntry().outcome()).isEqualTo(AuditOutcome.REFUSED);

        store("second", "Second Admin", Role.ADMIN, null);
        administration.edit(boss.id(), boss.version(), "Bea Boss", Role.OPERATOR, null, admin);
        assertThat(users.get("boss").role()).isEqualTo(Role.OPERATOR);
    }

    @Test
    void aDisabledAdminDoesNotCountAsTheOtherAdmin() {
        UserAccount second = store("second", "Second Admin", Role.ADMIN, null);
        users.update(users.get("second").withEnabled(false));

        assertThatThrownBy(() -> administration.edit(boss.id(), boss.version(), "Bea Boss", Role.OPERATOR, null, Actor.of(second, null)))
                .hasMessage(UserAdministration.LAST_ADMIN);
    }

    // ---- disable and enable ------------------------------------------------------------------

    @Test
    void disablingSomeoneEndsTheirSessionsAndIsAuditedOnce() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);

        UserSummary disabled = administration.setEnabled(maria.id(), maria.version(), false, admin);

        assertThat(disabled.enabled()).isFalse();
        assertThat(users.get("maria").enabled()).isFalse();
        assertThat(sessions.ended()).containsExactly("maria");
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_DISABLED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.SUCCEEDED);
        assertThat(entry.subject()).isEqualTo("maria");

        administration.setEnabled(maria.id(), disabled.version(), true, admin);
        assertThat(users.get("maria").enabled()).isTrue();
        assertThat(sessions.ended()).containsExactly("maria");
        assertThat(audit.entries()).extracting(AuditEntry::kind).containsExactly(AuditKind.USER_DISABLED, AuditKind.USER_ENABLED);
    }

    @Test
    void theLastEnabledAdminCannotBeDisabled() {
        assertThatThrownBy(() -> administration.setEnabled(boss.id(), boss.version(), false, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("Ringside needs at least one enabled admin: make someone else an admin first.");

        assertThat(users.get("boss").enabled()).isTrue();
        assertThat(sessions.ended()).isEmpty();
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.USER_DISABLED);
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.REFUSED);
        assertThat(entry.detail()).isEqualTo(UserAdministration.LAST_ADMIN);
    }

    @Test
    void anAdminCannotDisableThemselvesButAnotherAdminCan() {
        UserAccount second = store("second", "Second Admin", Role.ADMIN, null);

        assertThatThrownBy(() -> administration.setEnabled(boss.id(), boss.version(), false, admin))
                .isInstanceOf(UserChangeRefusedException.class)
                .hasMessage("You cannot disable yourself: another admin can.");

        administration.setEnabled(boss.id(), boss.version(), false, Actor.of(second, null));
        assertThat(users.get("boss").enabled()).isFalse();
        assertThat(sessions.ended()).containsExactly("boss");
    }

    @Test
    void disablingOnAStaleListIsRefusedAndEndsNoSession() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);
        users.changeBehindTheBack(maria.edited("Maria L.", Role.OPERATOR, null));

        assertThatThrownBy(() -> administration.setEnabled(maria.id(), maria.version(), false, admin))
                .hasMessage("Someone else changed Maria L. meanwhile. Reload the list and try again.");
        assertThat(sessions.ended()).isEmpty();
        assertThat(users.get("maria").enabled()).isTrue();
    }

    // ---- reset password ----------------------------------------------------------------------

    @Test
    void aResetGivesANewTemporaryPasswordUnlocksEndsSessionsAndForcesAChange() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);
        UserAccount locked = maria;
        for (int i = 0; i < 5; i++) {
            locked = locked.loginFailed(T0, LoginLockout.DEFAULT);
        }
        users.update(locked);
        assertThat(users.get("maria").isLocked(T0)).isTrue();

        IssuedPassword issued = administration.resetPassword(maria.id(), admin);

        UserAccount stored = users.get("maria");
        assertThat(stored.isLocked(T0)).isFalse();
        assertThat(stored.failedLogins()).isZero();
        assertThat(stored.mustChangePassword()).isTrue();
        assertThat(hasher.matches(new Password(issued.temporaryPassword()), stored.passwordHash())).isTrue();
        assertThat(issued.user().locked()).isFalse();
        assertThat(issued.user().mustChangePassword()).isTrue();
        assertThat(sessions.ended()).containsExactly("maria");
        AuditEntry entry = onlyEntry();
        assertThat(entry.kind()).isEqualTo(AuditKind.PASSWORD_RESET);
        assertThat(entry.subject()).isEqualTo("maria");
        assertThat(entry.detail()).doesNotContain(issued.temporaryPassword());
    }

    @Test
    void aResetStillHappensWhenALoginChangedThePersonMeanwhile() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);
        users.beforeNextUpdate(() -> users.changeBehindTheBack(users.get("maria").loggedIn(T0)));

        IssuedPassword issued = administration.resetPassword(maria.id(), admin);

        UserAccount stored = users.get("maria");
        assertThat(hasher.matches(new Password(issued.temporaryPassword()), stored.passwordHash())).isTrue();
        assertThat(stored.lastLoginAt()).isEqualTo(T0);
        assertThat(audit.entries()).hasSize(1);
    }

    @Test
    void everyIssuedPasswordIsNew() {
        UserAccount maria = store("maria", "Maria Lopez", Role.OPERATOR, null);

        assertThat(administration.resetPassword(maria.id(), admin).temporaryPassword())
                .isNotEqualTo(administration.resetPassword(maria.id(), admin).temporaryPassword());
    }

    // ---- list and look-up --------------------------------------------------------------------

    @Test
    void theListIsOrderedByUsernameAndALookUpFindsSomeoneWithoutCase() {
        store("zoe", "Zoe Zed", Role.OPERATOR, null);
        store("adam", "Adam Ant", Role.OPERATOR, ext("105"));

        assertThat(administration.list()).extracting(UserSummary::username).containsExactly("adam", "boss", "zoe");
        assertThat(administration.byUsername("ADAM")).hasValueSatisfying(adam -> {
            assertThat(adam.displayName()).isEqualTo("Adam Ant");
            assertThat(adam.extension()).isEqualTo(ext("105"));
        });
        assertThat(administration.byUsername("nobody")).isEmpty();
        assertThat(administration.byUsername("not a username")).isEmpty();
        assertThat(audit.entries()).isEmpty();
    }
}
