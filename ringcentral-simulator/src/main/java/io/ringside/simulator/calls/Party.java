package io.ringside.simulator.calls;

/**
 * One end of a call as RingCentral reports it. Any field may be absent: an anonymous caller has
 * no number, an internal caller only an extension number, a number outside the directory no name.
 *
 * @param phoneNumber     as the carrier delivered it — E.164, plain digits, formatted or masked
 * @param extensionNumber set for internal calls between extensions
 * @param name            the caller-id name, if any
 * @param location        "City, ST" when derivable from the number
 */
public record Party(String phoneNumber, String extensionNumber, String name, String location) {

    public static Party anonymous() {
        return new Party(null, null, null, null);
    }

    public static Party internal(Extension extension) {
        return new Party(null, extension.extensionNumber(), extension.name(), null);
    }

    /** The company end of an inbound call: the number that was dialled and the extension's user. */
    public static Party companyLine(Extension extension) {
        return new Party(extension.directNumber(), null, extension.name(), null);
    }

    /** What presence shows as {@code from}/{@code to}: the number, else the extension number. */
    public String presenceAddress() {
        return phoneNumber != null ? phoneNumber : extensionNumber;
    }
}
