package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A caller Ringside has seen before: the name last saved for the number (null if none was ever typed), how
 * many intakes there are for it, and when the last one was saved.
 */
public record KnownCaller(PhoneNumber phone, String lastName, int intakes, Instant lastSavedAt) {

    public KnownCaller {
        Objects.requireNonNull(phone, "phone");
        lastName = Text.blankToNull(lastName);
        if (intakes < 1) {
            throw new IllegalArgumentException("A known caller has at least one intake, not " + intakes);
        }
        Objects.requireNonNull(lastSavedAt, "lastSavedAt");
    }
}
