package io.ringside.application.testing;

import io.ringside.application.port.out.PasswordHasher;
import io.ringside.domain.Password;

import java.util.concurrent.atomic.AtomicInteger;

/** A readable stand-in for a real hasher ("hashed:" + the password) that counts comparisons. */
public final class FakePasswordHasher implements PasswordHasher {

    private final AtomicInteger comparisons = new AtomicInteger();

    @Override
    public String hash(Password password) {
        return "hashed:" + password.value();
    }

    @Override
    public boolean matches(Password password, String hash) {
        comparisons.incrementAndGet();
        return hash.equals(hash(password));
    }

    /** How many times a password was compared with a hash. */
    public int comparisons() {
        return comparisons.get();
    }
}
