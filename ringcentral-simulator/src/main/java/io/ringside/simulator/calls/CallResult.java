package io.ringside.simulator.calls;

/** How an ended inbound call turned out, with RingCentral's call-log {@code result} value. */
public enum CallResult {
    ACCEPTED("Accepted"),
    MISSED("Missed"),
    VOICEMAIL("Voicemail");

    private final String wireName;

    CallResult(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
