package io.ringside.application.service;

import io.ringside.application.port.out.PasswordHasher;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.UsernameTakenException;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.domain.UserAccount;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The people Ringside starts with. Outside demo mode: the first admin from a password the operator of
 * the server chose, once; an account that exists is never touched again, so a password changed in the
 * console survives a restart with the old variable still set. In demo mode: a small team on the
 * simulator's extensions.
 */
public final class FirstAccounts {

    public static final String ADMIN = "admin";
    public static final String OPERATOR = "operator";

    private final UserAccounts users;
    private final PasswordHasher hasher;
    private final Auditor auditor;

    public FirstAccounts(UserAccounts users, PasswordHasher hasher, Auditor auditor) {
        this.users = Objects.requireNonNull(users, "users");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
    }

    /**
     * Creates {@code admin} when nobody exists yet, and {@code operator} when its password is given and
     * nobody has that username yet (kept for installations that set it before users were managed here).
     *
     * @param operatorPassword the operator's password, or null
     * @return the usernames created now (empty when everyone existed)
     * @throws IllegalStateException when nobody exists and {@code adminPassword} is null
     */
    public List<String> ensureFirstUsers(Password adminPassword, Password operatorPassword) {
        List<String> created = new ArrayList<>();
        if (users.isEmpty()) {
            if (adminPassword == null) {
                throw new IllegalStateException("Nobody can log in yet, and no password for the first admin was given");
            }
            addIfMissing(ADMIN, "Administrator", Role.ADMIN, null, adminPassword, created);
        }
        if (operatorPassword != null) {
            addIfMissing(OPERATOR, "Operator", Role.OPERATOR, null, operatorPassword, created);
        }
        return created;
    }

    /**
     * Demo mode, when nobody exists yet: {@code admin}/{@code admin}, {@code operator}/{@code operator}, and
     * two operators at the simulator's extensions 102 and 103 ({@code sam}, {@code jordan}; passwords as the
     * usernames). These passwords break the password rules on purpose: a visitor must be able to guess them.
     *
     * @return the usernames created now (empty when anybody existed)
     */
    public List<String> seedDemo() {
        List<String> created = new ArrayList<>();
        if (!users.isEmpty()) {
            return created;
        }
        addIfMissing(ADMIN, "Administrator", Role.ADMIN, null, new Password(ADMIN), created);
        addIfMissing(OPERATOR, "Operator", Role.OPERATOR, null, new Password(OPERATOR), created);
        // Ids and numbers of the simulator's directory (ringcentral-simulator's calls.Directory).
        addIfMissing("sam", "Sam Rivera", Role.OPERATOR, new ExtensionLink("62264425002", "102"), new Password("sam"), created);
        addIfMissing("jordan", "Jordan Lee", Role.OPERATOR, new ExtensionLink("62264425003", "103"), new Password("jordan"), created);
        return created;
    }

    private void addIfMissing(String username, String displayName, Role role, ExtensionLink extension, Password password,
                              List<String> created) {
        if (users.byUsername(username).isPresent()) {
            return;
        }
        UserAccount user = UserAccount.create(username, displayName, role, extension, "unset")
                .withPassword(hasher.hash(password), false);
        try {
            users.add(user);
        } catch (UsernameTakenException anotherInstanceWasFaster) {
            return;
        }
        auditor.succeeded(AuditKind.USER_ADDED, Actor.system(), username, UserAdministration.describe(user));
        created.add(username);
    }
}
