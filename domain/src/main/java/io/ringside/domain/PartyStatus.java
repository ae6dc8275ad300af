package io.ringside.domain;

/**
 * Where one party of a call is, in RingCentral's telephony-session words ({@code status.code}).
 * A party is one extension's leg of a call: a call to a ring group has one party per desk that rings.
 */
public enum PartyStatus {
    /** Being set up; for inbound calls seen only between extensions. */
    SETUP,
    /** Ringing at this party's extension. */
    PROCEEDING,
    ANSWERED,
    HOLD,
    PARKED,
    /** The caller reached this party's voicemail. */
    VOICEMAIL,
    /** This party's leg is over (hung up, picked up elsewhere, rejected). */
    DISCONNECTED,
    /** The party left the call (e.g. transferred away). */
    GONE;

    public boolean isRinging() {
        return this == SETUP || this == PROCEEDING;
    }

    /** Someone is on the line with the caller at this party (holding or parked counts). */
    public boolean isOnCall() {
        return this == ANSWERED || this == HOLD || this == PARKED;
    }

    public boolean isOver() {
        return this == VOICEMAIL || this == DISCONNECTED || this == GONE;
    }
}
