package io.ringside.simulator.calls;

import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Who calls the simulated company, in every number shape RingCentral delivers: E.164 (US and
 * international), plain digits, formatted, masked, an internal extension, and anonymous.
 */
public final class Callers {

    /** A caller as a test or the generator names it: a raw number (or null) and a caller-id name (or null). */
    public record Caller(String number, String name) {
    }

    /** A mix weighted towards ordinary US numbers, with every odd shape present. */
    public static final List<Caller> TYPICAL = List.of(
            new Caller("+16025551234", "Maria Garcia"),
            new Caller("+12125550147", "Dan Whitfield"),
            new Caller("+14155550199", null),
            new Caller("+13125550175", "WIRELESS CALLER"),
            new Caller("+17205550110", "Grace Kim"),
            new Caller("+16025550163", "Tom Becker"),
            new Caller("+442079460958", "Oliver Bennett"),
            new Caller("+4930901820", "Lena Vogel"),
            new Caller("16025550188", "Priya Patel"),
            new Caller("(312) 555-0112", "Chris Olsen"),
            new Caller("+1855201XXXX", null),
            new Caller("102", null),
            new Caller(null, null));

    private static final Map<String, String> US_AREA_CODES = Map.of(
            "602", "Phoenix, AZ",
            "212", "New York, NY",
            "415", "San Francisco, CA",
            "312", "Chicago, IL",
            "720", "Denver, CO",
            "650", "Palo Alto, CA");

    private final Directory directory;

    public Callers(Directory directory) {
        this.directory = directory;
    }

    public Caller random(RandomGenerator random) {
        return TYPICAL.get(random.nextInt(TYPICAL.size()));
    }

    /**
     * The calling party as RingCentral would report it: a short all-digit number is an internal
     * extension (named from the directory when the caller gave no name), no number is anonymous,
     * anything else is passed on exactly as given, with a location when one can be derived.
     */
    public Party partyFor(String number, String name) {
        String trimmedName = blankToNull(name);
        String raw = blankToNull(number);
        if (raw == null) {
            return new Party(null, null, trimmedName, null);
        }
        if (raw.matches("\\d{2,5}")) {
            String extensionName = trimmedName != null ? trimmedName
                    : directory.byNumber(raw).map(Extension::name).orElse(null);
            return new Party(null, raw, extensionName, null);
        }
        return new Party(raw, null, trimmedName, locationOf(raw));
    }

    static String locationOf(String raw) {
        if (raw.contains("X")) {
            return null; // masked: the platform cannot locate it either
        }
        String digits = raw.replaceAll("\\D", "");
        if (raw.startsWith("+44")) {
            return "London, United Kingdom";
        }
        if (raw.startsWith("+49")) {
            return "Berlin, Germany";
        }
        if (digits.length() == 11 && digits.startsWith("1")) {
            digits = digits.substring(1);
        }
        if (digits.length() == 10) {
            return US_AREA_CODES.get(digits.substring(0, 3));
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
