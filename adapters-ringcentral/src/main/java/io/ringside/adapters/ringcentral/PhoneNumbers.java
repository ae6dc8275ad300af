package io.ringside.adapters.ringcentral;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;
import io.ringside.domain.Caller;
import io.ringside.domain.CallingParty;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import io.ringside.domain.UnusableCallerId.Reason;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the caller ids RingCentral sends into a {@link PhoneNumber} or a reason it cannot be used.
 * RingCentral's numbers are usually E.164, but also come as plain digits with the country code
 * ({@code 16025551234}), formatted ({@code (602) 555-1234}), masked ({@code +1855201XXXX}), as an
 * internal extension ({@code 102}), or not at all (anonymous). Thread-safe.
 */
public final class PhoneNumbers {

    /** Digits hidden by RingCentral; libphonenumber would read X as the vanity digit 9, so look first. */
    private static final Pattern MASKED = Pattern.compile("\\+?[\\d\\s().-]*[xX*#]{2,}[\\d\\s().-]*");
    /** Extensions are short and carry no plus sign; no public number is this short. */
    private static final Pattern EXTENSION = Pattern.compile("\\d{1,6}");
    private static final Pattern DIGITS_ONLY = Pattern.compile("\\d+");
    private static final Set<String> WITHHELD = Set.of("anonymous", "private", "restricted", "unavailable", "unknown", "withheld", "blocked");

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion the region numbers without a country code belong to, e.g. {@code US} */
    public PhoneNumbers(String defaultRegion) {
        String region = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!util.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("Not a region libphonenumber knows: '" + defaultRegion + "'");
        }
        this.defaultRegion = region;
    }

    /**
     * Who called, from a call party as RingCentral describes it.
     *
     * @param phoneNumber     the party's number in any of RingCentral's shapes, or null
     * @param extensionNumber the party's internal extension, or null
     * @param name            the name RingCentral gave, or null
     */
    public CallingParty callingParty(String phoneNumber, String extensionNumber, String name) {
        String raw = phoneNumber == null ? "" : phoneNumber.strip();
        if (raw.isEmpty()) {
            boolean internal = extensionNumber != null && !extensionNumber.isBlank();
            return new UnusableCallerId(internal ? Reason.INTERNAL_EXTENSION : Reason.ANONYMOUS, name);
        }
        return parse(raw)
                .<CallingParty>map(number -> new Caller(number, name))
                .orElseGet(() -> new UnusableCallerId(whyUnusable(raw), name));
    }

    /** The number in E.164 if it is one that can be dialled back; empty for anything else. */
    public Optional<PhoneNumber> parse(String raw) {
        if (raw == null || raw.isBlank() || whyUnusable(raw.strip()) != Reason.UNRECOGNISED) {
            return Optional.empty();
        }
        String text = raw.strip();
        Optional<Phonenumber.PhoneNumber> parsed = validIn(text, defaultRegion);
        if (parsed.isEmpty() && DIGITS_ONLY.matcher(text).matches()) {
            // RingCentral's plain digits usually include the country code: 442079460958 is London.
            parsed = validIn("+" + text, defaultRegion);
        }
        return parsed.map(number -> util.format(number, PhoneNumberFormat.E164)).flatMap(PhoneNumbers::toPhoneNumber);
    }

    private Reason whyUnusable(String raw) {
        if (WITHHELD.contains(raw.toLowerCase(Locale.ROOT))) {
            return Reason.ANONYMOUS;
        }
        if (MASKED.matcher(raw).matches()) {
            return Reason.MASKED;
        }
        if (EXTENSION.matcher(raw).matches()) {
            return Reason.INTERNAL_EXTENSION;
        }
        return Reason.UNRECOGNISED;
    }

    private Optional<Phonenumber.PhoneNumber> validIn(String text, String region) {
        try {
            Phonenumber.PhoneNumber number = util.parse(text, region);
            return util.isValidNumber(number) ? Optional.of(number) : Optional.empty();
        } catch (NumberParseException notANumber) {
            return Optional.empty();
        }
    }

    private static Optional<PhoneNumber> toPhoneNumber(String e164) {
        try {
            return Optional.of(PhoneNumber.of(e164));
        } catch (IllegalArgumentException notE164) {
            return Optional.empty();
        }
    }
}
