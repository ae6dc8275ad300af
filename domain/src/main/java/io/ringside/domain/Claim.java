package io.ringside.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * "Maria is on it": an operator filled the phone field from this caller, so colleagues leave them be.
 * A claim lasts {@link #LASTS} or until that operator saves an intake for the number.
 */
public record Claim(PhoneNumber phone, UUID userId, String displayName, Instant at) {

    public static final Duration LASTS = Duration.ofMinutes(10);

    public Claim {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(userId, "userId");
        displayName = Text.requireText(displayName, "The claimer's name");
        Objects.requireNonNull(at, "at");
    }

    public boolean isActive(Instant now) {
        return now.isBefore(at.plus(LASTS));
    }

    public boolean isBy(UUID user) {
        return userId.equals(user);
    }
}
