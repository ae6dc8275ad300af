package io.ringside.domain;

import java.util.Objects;

/**
 * A password someone typed, before it is hashed. A secret: it never prints its value. Its rules (the
 * length a person can reason about) are checked here; whether it is too common is the application's
 * question, since the list lives outside the domain.
 */
public record Password(String value) {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 64;

    public Password {
        Objects.requireNonNull(value, "value");
    }

    /** What is wrong with this password as a new one, in words for the person choosing it; null when nothing. */
    public String lengthProblem() {
        int length = value.codePointCount(0, value.length());
        if (length < MIN_LENGTH) {
            return "The password must be at least " + MIN_LENGTH + " characters long (this one has " + length + ").";
        }
        if (length > MAX_LENGTH) {
            return "The password must be at most " + MAX_LENGTH + " characters long (this one has " + length + ").";
        }
        if (value.isBlank()) {
            return "The password cannot be only spaces.";
        }
        return null;
    }

    @Override
    public String toString() {
        return "Password[" + Secrets.MASK + "]";
    }
}
