package io.ringside.simulator.calls;

/** Where a call is in its life. The wire names are RingCentral's presence {@code telephonyStatus}. */
public enum CallStatus {
    RINGING("Ringing"),
    CONNECTED("CallConnected"),
    ON_HOLD("OnHold"),
    ENDED("NoCall");

    private final String telephonyStatus;

    CallStatus(String telephonyStatus) {
        this.telephonyStatus = telephonyStatus;
    }

    public String telephonyStatus() {
        return telephonyStatus;
    }
}
