package io.ringside.application.service;

import io.ringside.application.port.in.IssuedPassword;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.application.port.in.ManageUsers;
import io.ringside.application.port.in.UserChangeRefusedException;
import io.ringside.application.port.in.UserSummary;
import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.PasswordHasher;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.UserSessions;
import io.ringside.application.port.out.UsernameTakenException;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An admin runs the team: adds, edits, disables and enables people, resets their passwords. Keeps
 * Ringside with at least one enabled admin, refuses edits made on a stale list, and writes one audit
 * entry per attempt (refusals included).
 */
public final class UserAdministration implements ManageUsers, LookUpUser {

    static final String LAST_ADMIN = "Ringside needs at least one enabled admin: make someone else an admin first.";
    static final String NOT_YOURSELF = "You cannot disable yourself: another admin can.";
    static final String GONE = "That person no longer exists. Reload the list.";

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final UserSessions sessions;
    private final Auditor auditor;
    private final TemporaryPasswords temporaryPasswords;
    private final Clock clock;
    // "At least one enabled admin" is a rule across rows that no version check guards: changes are made
    // one at a time in this process, so two admins cannot demote each other at once.
    private final ReentrantLock changes = new ReentrantLock();

    public UserAdministration(UserAccounts users, PasswordHasher hasher, UserSessions sessions, Auditor auditor,
                              TemporaryPasswords temporaryPasswords, Clock clock) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.temporaryPasswords = Objects.requireNonNull(temporaryPasswords, "temporaryPasswords");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public List<UserSummary> list() {
        return users.all().stream().map(this::summary).toList();
    }

    @Override
    public Optional<UserSummary> byUsername(String username) {
        String name;
        try {
            name = UserAccount.username(username);
        } catch (IllegalArgumentException notAUsername) {
            return Optional.empty();
        }
        return users.byUsername(name).map(this::summary);
    }

    @Override
    public IssuedPassword add(String username, String displayName, Role role, ExtensionLink extension, Actor admin) {
        String temporary = temporaryPasswords.next();
        UserAccount user = UserAccount.create(username, displayName, role, extension, hasher.hash(new Password(temporary)));
        changes.lock();
        try {
            UserAccount stored;
            try {
                stored = users.add(user);
            } catch (UsernameTakenException taken) {
                throw refused(AuditKind.USER_ADDED, admin, user.username(), "The username " + user.username() + " is taken");
            }
            auditor.succeeded(AuditKind.USER_ADDED, admin, stored.username(), describe(stored));
            return new IssuedPassword(summary(stored), temporary);
        } finally {
            changes.unlock();
        }
    }

    @Override
    public UserSummary edit(UUID id, long version, String displayName, Role role, ExtensionLink extension, Actor admin) {
        changes.lock();
        try {
            UserAccount current = existing(id, AuditKind.USER_CHANGED, admin);
            requireVersion(current, version, AuditKind.USER_CHANGED, admin);
            UserAccount edited = current.edited(displayName, role, extension);
            List<String> changed = changes(current, edited);
            if (changed.isEmpty()) {
                return summary(current);
            }
            if (current.enabled() && current.isAdmin() && !edited.isAdmin() && users.countEnabledAdmins() <= 1) {
                throw refused(AuditKind.USER_CHANGED, admin, current.username(), LAST_ADMIN);
            }
            UserAccount stored = store(current, edited, AuditKind.USER_CHANGED, admin);
            auditor.succeeded(AuditKind.USER_CHANGED, admin, stored.username(), String.join("; ", changed));
            if (current.role() != stored.role()) {
                // What a session may do was fixed at its login: a new role takes effect at the next one.
                sessions.endAll(stored.username());
            }
            return summary(stored);
        } finally {
            changes.unlock();
        }
    }

    @Override
    public UserSummary setEnabled(UUID id, long version, boolean enabled, Actor admin) {
        AuditKind kind = enabled ? AuditKind.USER_ENABLED : AuditKind.USER_DISABLED;
        changes.lock();
        try {
            UserAccount current = existing(id, kind, admin);
            requireVersion(current, version, kind, admin);
            if (current.enabled() == enabled) {
                return summary(current);
            }
            if (!enabled && current.isAdmin() && users.countEnabledAdmins() <= 1) {
                throw refused(kind, admin, current.username(), LAST_ADMIN);
            }
            if (!enabled && current.id().equals(admin.userId())) {
                throw refused(kind, admin, current.username(), NOT_YOURSELF);
            }
            UserAccount stored = store(current, current.withEnabled(enabled), kind, admin);
            if (!enabled) {
                sessions.endAll(stored.username());
            }
            auditor.succeeded(kind, admin, stored.username(), stored.displayName());
            return summary(stored);
        } finally {
            changes.unlock();
        }
    }

    @Override
    public IssuedPassword resetPassword(UUID id, Actor admin) {
        String temporary = temporaryPasswords.next();
        String hash = hasher.hash(new Password(temporary));
        changes.lock();
        try {
            UserAccount current = existing(id, AuditKind.PASSWORD_RESET, admin);
            UserAccount stored;
            try {
                stored = users.update(current.withPassword(hash, true));
            } catch (ConcurrentChangeException changedMeanwhile) {
                // The person changed their own password meanwhile (logins do not bump the version); the admin
                // named no version here, so apply the reset to what is stored now, once.
                UserAccount again = existing(id, AuditKind.PASSWORD_RESET, admin);
                stored = store(again, again.withPassword(hash, true), AuditKind.PASSWORD_RESET, admin);
            }
            sessions.endAll(stored.username());
            auditor.succeeded(AuditKind.PASSWORD_RESET, admin, stored.username(),
                    "Temporary password issued; unlocked; must change it at next login");
            return new IssuedPassword(summary(stored), temporary);
        } finally {
            changes.unlock();
        }
    }

    /** "Maria Lopez · OPERATOR · extension 104", for the audit trail. */
    static String describe(UserAccount user) {
        return user.displayName() + " · " + user.role() + (user.extension() == null ? "" : " · extension " + user.extension().label());
    }

    private static List<String> changes(UserAccount before, UserAccount after) {
        List<String> changed = new ArrayList<>();
        if (!before.displayName().equals(after.displayName())) {
            changed.add("display name " + before.displayName() + " → " + after.displayName());
        }
        if (before.role() != after.role()) {
            changed.add("role " + before.role() + " → " + after.role());
        }
        if (!Objects.equals(before.extension(), after.extension())) {
            changed.add("extension " + label(before.extension()) + " → " + label(after.extension()));
        }
        return changed;
    }

    private static String label(ExtensionLink extension) {
        return extension == null ? "none" : extension.label();
    }

    private UserAccount existing(UUID id, AuditKind kind, Actor admin) {
        return users.byId(id).orElseThrow(() -> refused(kind, admin, String.valueOf(id), GONE));
    }

    private void requireVersion(UserAccount current, long version, AuditKind kind, Actor admin) {
        if (current.version() != version) {
            throw refused(kind, admin, current.username(), changedMeanwhile(current));
        }
    }

    private UserAccount store(UserAccount before, UserAccount changed, AuditKind kind, Actor admin) {
        try {
            return users.update(changed);
        } catch (ConcurrentChangeException meanwhile) {
            throw refused(kind, admin, before.username(), changedMeanwhile(before));
        }
    }

    private static String changedMeanwhile(UserAccount user) {
        return "Someone else changed " + user.displayName() + " meanwhile. Reload the list and try again.";
    }

    private UserChangeRefusedException refused(AuditKind kind, Actor admin, String subject, String reason) {
        auditor.record(kind, admin, subject, reason, AuditOutcome.REFUSED);
        return new UserChangeRefusedException(reason);
    }

    private UserSummary summary(UserAccount user) {
        return UserSummary.of(user, clock.instant());
    }
}
