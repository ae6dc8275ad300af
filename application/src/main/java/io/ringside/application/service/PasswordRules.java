package io.ringside.application.service;

import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.application.port.out.CommonPasswords;
import io.ringside.domain.Password;

import java.util.Locale;
import java.util.Objects;

/**
 * The rules a new password a person chooses must follow: its length (the domain's), not one of the
 * commonly used passwords, not the username. Each broken rule has a sentence for the person.
 */
public final class PasswordRules {

    static final String COMMON =
            "This password is on a list of commonly used passwords; choose one that is harder to guess.";
    static final String SAME_AS_USERNAME = "The password cannot be your username.";

    private final CommonPasswords commonPasswords;

    public PasswordRules(CommonPasswords commonPasswords) {
        this.commonPasswords = Objects.requireNonNull(commonPasswords, "commonPasswords");
    }

    /** The first rule {@code password} breaks as a new password for {@code username}, or null when none. */
    public String problem(String username, Password password) {
        String lengthProblem = password.lengthProblem();
        if (lengthProblem != null) {
            return lengthProblem;
        }
        if (username != null && password.value().strip().toLowerCase(Locale.ROOT).equals(username.strip().toLowerCase(Locale.ROOT))) {
            return SAME_AS_USERNAME;
        }
        if (commonPasswords.isCommon(password)) {
            return COMMON;
        }
        return null;
    }

    /** @throws PasswordRejectedException naming the first rule {@code password} breaks */
    public void check(String username, Password password) {
        String problem = problem(username, password);
        if (problem != null) {
            throw new PasswordRejectedException(problem);
        }
    }
}
