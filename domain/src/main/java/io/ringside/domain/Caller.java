package io.ringside.domain;

import java.util.Objects;
import java.util.Optional;

/** A caller Ringside can fill into a form: a phone number plus the name RingCentral gave, if any. */
public record Caller(PhoneNumber number, String name) implements CallingParty {

    public Caller {
        Objects.requireNonNull(number, "A caller needs a phone number");
        name = Text.blankToNull(name);
    }

    public static Caller of(PhoneNumber number) {
        return new Caller(number, null);
    }

    public Optional<String> knownName() {
        return Optional.ofNullable(name);
    }
}
