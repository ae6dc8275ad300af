package io.ringside.bootstrap.security;

import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.ui.Roles;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

/**
 * The console's first users: {@code admin} (ADMIN and OPERATOR) and {@code operator} (OPERATOR).
 * In demo mode their passwords are their names; otherwise they come from
 * {@code RINGSIDE_ADMIN_PASSWORD} / {@code RINGSIDE_OPERATOR_PASSWORD} and start-up stops without
 * them. Passwords are kept only as hashes and never logged or put in a message.
 */
final class FirstUsers {

    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";
    static final String ADMIN_PASSWORD = "ringside.admin-password";
    static final String OPERATOR_PASSWORD = "ringside.operator-password";
    static final int MIN_PASSWORD_LENGTH = 8;

    private FirstUsers() {
    }

    static List<UserDetails> from(Environment environment, PasswordEncoder encoder) {
        boolean demo = DemoMode.isOn(environment);
        String adminPassword = demo ? ADMIN : required(environment, ADMIN_PASSWORD, "RINGSIDE_ADMIN_PASSWORD");
        String operatorPassword = demo ? OPERATOR : required(environment, OPERATOR_PASSWORD, "RINGSIDE_OPERATOR_PASSWORD");
        return List.of(
                User.withUsername(ADMIN).password(encoder.encode(adminPassword)).roles(Roles.ADMIN, Roles.OPERATOR).build(),
                User.withUsername(OPERATOR).password(encoder.encode(operatorPassword)).roles(Roles.OPERATOR).build());
    }

    private static String required(Environment environment, String property, String variable) {
        String value = environment.getProperty(property);
        if (value == null || value.isBlank()) {
            value = environment.getProperty(variable);
        }
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set. Outside demo mode (RingCentral credentials are set),"
                    + " Ringside needs a password for each first user: set " + variable + " (or " + property + ").");
        }
        if (value.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalStateException(variable + " is too short: use at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        return value;
    }
}
