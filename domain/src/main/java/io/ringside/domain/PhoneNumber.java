package io.ringside.domain;

import java.util.regex.Pattern;

/**
 * A caller's number in E.164: a plus sign, then 7 to 15 digits, the first not 0.
 * Anything else cannot be dialled back and is rejected here; adapters normalise what
 * RingCentral or a person typed before they build one.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    public PhoneNumber {
        if (e164 == null) {
            // Not a NullPointerException: a form catches one exception type and shows its message.
            throw new IllegalArgumentException("A phone number is required");
        }
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException(
                    "Not an E.164 phone number (a '+' then 7 to 15 digits, not starting with 0): '" + e164 + "'");
        }
    }

    public static PhoneNumber of(String e164) {
        return new PhoneNumber(e164);
    }

    @Override
    public String toString() {
        return e164;
    }
}
