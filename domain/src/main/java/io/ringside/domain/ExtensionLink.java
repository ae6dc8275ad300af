package io.ringside.domain;

/**
 * The RingCentral extension a person sits at: picked from the company's extension list (id and number
 * known) or typed by an admin (number only). RingCentral's call events name the extension by id, so a
 * typed number matches a call only when the event reports the number too.
 *
 * @param id     RingCentral's extension id, or null when only the number was typed
 * @param number the short number colleagues dial, e.g. {@code 103}, or null
 */
public record ExtensionLink(String id, String number) {

    public static final int NUMBER_MAX_LENGTH = 16;

    public ExtensionLink {
        id = Text.blankToNull(id);
        number = Text.blankToNull(number);
        if (id == null && number == null) {
            throw new IllegalArgumentException("An extension needs its id or its number");
        }
        if (number != null && (number.length() > NUMBER_MAX_LENGTH || !number.chars().allMatch(Character::isDigit))) {
            throw new IllegalArgumentException("An extension number is digits only, like 103");
        }
    }

    public static ExtensionLink to(Extension extension) {
        return new ExtensionLink(extension.id(), extension.number());
    }

    public static ExtensionLink typed(String number) {
        return new ExtensionLink(null, number);
    }

    /** Whether {@code extension} (from a call event or the extension list) is this desk. */
    public boolean matches(Extension extension) {
        if (extension == null) {
            return false;
        }
        if (id != null) {
            return id.equals(extension.id());
        }
        return number.equals(extension.number());
    }

    /** "103", or the id when the number is not known. */
    public String label() {
        return number != null ? number : id;
    }
}
