package io.ringside.domain;

/**
 * A desk of the company on RingCentral: the extension a call rings at or was answered at.
 *
 * @param id     RingCentral's extension id (always known on telephony-session events)
 * @param number the short number colleagues dial, e.g. {@code 103}, or null when not reported
 * @param name   the person's name, or null when not reported
 */
public record Extension(String id, String number, String name) {

    public Extension {
        id = Text.requireText(id, "An extension id");
        number = Text.blankToNull(number);
        name = Text.blankToNull(name);
    }

    /** "Maria (103)", "Maria", "103" or the id, whatever is known. */
    public String label() {
        if (name != null && number != null) {
            return name + " (" + number + ")";
        }
        return name != null ? name : number != null ? number : id;
    }
}
