package io.ringside.domain;

import java.time.Duration;
import java.util.Objects;

/**
 * How many wrong passwords in a row lock a username, and for how long. The default is 5 and 15 minutes.
 */
public record LoginLockout(int maxFailures, Duration lockFor) {

    public static final LoginLockout DEFAULT = new LoginLockout(5, Duration.ofMinutes(15));

    public LoginLockout {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("At least one failed login must be allowed, not " + maxFailures);
        }
        Objects.requireNonNull(lockFor, "lockFor");
        if (lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("A lock must last a while, not " + lockFor);
        }
    }
}
