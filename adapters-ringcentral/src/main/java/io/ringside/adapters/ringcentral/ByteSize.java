package io.ringside.adapters.ringcentral;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An amount of bytes as people write it in a setting: {@code 5MB}, {@code 512KB}, {@code 65536}
 * (bytes when no unit is given). Units are binary, as Spring Boot's own sizes are: 1 KB = 1024 bytes.
 * {@link #valueOf(String)} is what a configuration binder calls to read one.
 */
public record ByteSize(long bytes) {

    private static final Pattern TEXT = Pattern.compile("(\\d{1,12})\\s*(B|KB|MB|GB)?");

    public ByteSize {
        if (bytes < 0) {
            throw new IllegalArgumentException("A size cannot be negative: " + bytes);
        }
    }

    public static ByteSize ofKilobytes(long kilobytes) {
        return new ByteSize(Math.multiplyExact(kilobytes, 1024L));
    }

    public static ByteSize ofMegabytes(long megabytes) {
        return new ByteSize(Math.multiplyExact(megabytes, 1024L * 1024));
    }

    /** Reads {@code 5MB}, {@code 5 MB}, {@code 512kb}, {@code 65536} or {@code 65536B}. */
    public static ByteSize valueOf(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip().toUpperCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Not a size: '" + text + "'. Write a number of bytes with a unit, e.g. 5MB, 512KB or 65536B");
        }
        long number = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "B" : matcher.group(2);
        return new ByteSize(switch (unit) {
            case "KB" -> Math.multiplyExact(number, 1024L);
            case "MB" -> Math.multiplyExact(number, 1024L * 1024);
            case "GB" -> Math.multiplyExact(number, 1024L * 1024 * 1024);
            default -> number;
        });
    }

    /** The largest whole unit that divides the size: {@code 5 MB}, {@code 64 KB}, {@code 1000 bytes}. */
    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1024L * 1024) == 0) {
            return bytes / (1024L * 1024) + " MB";
        }
        if (bytes != 0 && bytes % 1024L == 0) {
            return bytes / 1024L + " KB";
        }
        return bytes + " bytes";
    }
}
