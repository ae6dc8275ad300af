package io.ringside.application.service;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Makes the temporary passwords an admin hands to a person (read aloud or copied once, then changed).
 * 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I), about 93 bits: long enough for
 * every password rule, and random enough that no list of common passwords holds one.
 */
public final class TemporaryPasswords {

    public static final int LENGTH = 16;
    static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    private final SecureRandom random;

    public TemporaryPasswords() {
        this(new SecureRandom());
    }

    public TemporaryPasswords(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
