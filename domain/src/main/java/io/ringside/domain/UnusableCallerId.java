package io.ringside.domain;

import java.util.Objects;

/**
 * A call whose caller id cannot be filled into a form. Such calls are left out of the list
 * but counted, so an operator knows there were calls without a number.
 */
public record UnusableCallerId(Reason reason, String name) implements CallingParty {

    public enum Reason {
        /** No number at all: the caller withheld it. */
        ANONYMOUS,
        /** RingCentral masked digits, e.g. {@code +1855201XXXX}. */
        MASKED,
        /** A short internal extension number such as {@code 102}, not a public number. */
        INTERNAL_EXTENSION,
        /** Something that is not a phone number in any shape we know. */
        UNRECOGNISED
    }

    public UnusableCallerId {
        Objects.requireNonNull(reason, "reason");
        name = Text.blankToNull(name);
    }

    public static UnusableCallerId because(Reason reason) {
        return new UnusableCallerId(reason, null);
    }
}
