package io.ringside.application.service;

import io.ringside.application.port.in.ChangePassword;
import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.application.port.in.WrongCurrentPasswordException;
import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.PasswordHasher;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.Password;
import io.ringside.domain.UserAccount;

import java.util.Objects;
import java.util.Optional;

/**
 * A person changes their own password: the current one first, then the rules for the new one. A
 * temporary password is replaced this way, so the new one is never temporary. One audit entry per try.
 */
public final class PasswordChanges implements ChangePassword {

    static final String CURRENT_NOT_RIGHT = "The current password is not right.";
    static final String SAME_AS_CURRENT = "The new password must differ from the current one.";

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final Auditor auditor;

    public PasswordChanges(UserAccounts users, PasswordHasher hasher, PasswordRules rules, Auditor auditor) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    @Override
    public void change(Actor who, Password current, Password next) {
        Optional<UserAccount> found = find(who);
        if (found.isEmpty() || !found.get().enabled() || !hasher.matches(current, found.get().passwordHash())) {
            auditor.record(AuditKind.PASSWORD_CHANGED, who, who.username(), "the current password was not right", AuditOutcome.FAILED);
            throw new WrongCurrentPasswordException(CURRENT_NOT_RIGHT);
        }
        UserAccount user = found.get();
        String problem = current.value().equals(next.value()) ? SAME_AS_CURRENT : rules.problem(user.username(), next);
        if (problem != null) {
            auditor.record(AuditKind.PASSWORD_CHANGED, who, user.username(), problem, AuditOutcome.REFUSED);
            throw new PasswordRejectedException(problem);
        }
        String hash = hasher.hash(next);
        try {
            users.update(user.withPassword(hash, false));
        } catch (ConcurrentChangeException meanwhile) {
            // A login or an admin's edit moved the version since it was read: apply the change to what is stored now, once.
            UserAccount again = users.byId(user.id()).orElseThrow(() -> meanwhile);
            users.update(again.withPassword(hash, false));
        }
        auditor.succeeded(AuditKind.PASSWORD_CHANGED, who, user.username(), null);
    }

    private Optional<UserAccount> find(Actor who) {
        return who.userId() != null ? users.byId(who.userId()) : users.byUsername(who.username());
    }
}
