package io.ringside.domain;

/** Small text rules the value types share. */
final class Text {

    private Text() {
    }

    static String blankToNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    static String requireText(String value, String what) {
        String text = blankToNull(value);
        if (text == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return text;
    }

    static String requireAtMost(String value, int maxLength, String what) {
        if (value != null && value.length() > maxLength) {
            throw new IllegalArgumentException(what + " is longer than " + maxLength + " characters");
        }
        return value;
    }
}
