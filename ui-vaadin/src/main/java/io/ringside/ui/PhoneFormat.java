package io.ringside.ui;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import io.ringside.domain.PhoneNumber;

import java.util.Objects;

/**
 * Phone numbers as people type and read them: parses typed input with libphonenumber (numbers
 * without a country code are read as the home region's) and shows numbers in national format for
 * the home region, international format otherwise. What is stored is always E.164.
 */
public final class PhoneFormat {

    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int MAX_INPUT_LENGTH = 64;

    private final String homeRegion;

    public PhoneFormat(String homeRegion) {
        this.homeRegion = Objects.requireNonNull(homeRegion, "homeRegion");
    }

    /** How a number is shown: {@code (602) 555-1234} at home, {@code +44 20 7946 0958} otherwise. */
    public String display(PhoneNumber number) {
        try {
            var parsed = UTIL.parse(number.e164(), homeRegion);
            boolean home = homeRegion.equals(UTIL.getRegionCodeForNumber(parsed));
            return UTIL.format(parsed, home ? PhoneNumberFormat.NATIONAL : PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return number.e164();
        }
    }

    /**
     * Reads what a person typed.
     *
     * @throws IllegalArgumentException with a sentence for the person when it is not a number Ringside can keep
     */
    public PhoneNumber parse(String typed) {
        String input = typed == null ? "" : typed.strip();
        if (input.isEmpty()) {
            throw new IllegalArgumentException("Enter the caller's phone number");
        }
        if (input.length() > MAX_INPUT_LENGTH) {
            throw new IllegalArgumentException("That is too long to be a phone number");
        }
        com.google.i18n.phonenumbers.Phonenumber.PhoneNumber parsed;
        try {
            parsed = UTIL.parse(input, homeRegion);
        } catch (NumberParseException e) {
            throw new IllegalArgumentException("That doesn't look like a phone number");
        }
        if (parsed.hasExtension() && !parsed.getExtension().isEmpty()) {
            throw new IllegalArgumentException("Leave out the extension; enter the number only");
        }
        if (!UTIL.isValidNumber(parsed)) {
            throw new IllegalArgumentException("That is not a valid phone number for "
                    + (input.startsWith("+") ? "its country" : homeRegion + " (add + and the country code for other countries)"));
        }
        return new PhoneNumber(UTIL.format(parsed, PhoneNumberFormat.E164));
    }
}
