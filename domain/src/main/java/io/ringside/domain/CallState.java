package io.ringside.domain;

/** Where a call is in its life. Ringing and connected calls are live; the rest are over. */
public enum CallState {
    RINGING(0),
    CONNECTED(1),
    ENDED(2),
    MISSED(2),
    VOICEMAIL(2);

    private final int progress;

    CallState(int progress) {
        this.progress = progress;
    }

    public boolean isLive() {
        return this == RINGING || this == CONNECTED;
    }

    /** True when this state comes later in a call's life than {@code other} (ringing → connected → over). */
    public boolean isLaterThan(CallState other) {
        return progress > other.progress;
    }
}
