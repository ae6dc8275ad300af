package io.ringside.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One row of the picker: a caller, their latest call in the window and how many calls they made in it.
 *
 * @param telephonySessionId the latest call's session, so an intake can say which call it came from
 * @param answeredBy         who took the latest call, when RingCentral said (push), else null
 */
public record RecentCaller(Caller caller, Instant lastCallAt, CallState state, int callsInWindow, String telephonySessionId,
                           Extension answeredBy) {

    public RecentCaller(Caller caller, Instant lastCallAt, CallState state, int callsInWindow, String telephonySessionId) {
        this(caller, lastCallAt, state, callsInWindow, telephonySessionId, null);
    }

    public RecentCaller {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(lastCallAt, "lastCallAt");
        Objects.requireNonNull(state, "state");
        if (callsInWindow < 1) {
            throw new IllegalArgumentException("A recent caller made at least one call, not " + callsInWindow);
        }
    }

    public boolean isLive() {
        return state.isLive();
    }

    /** How long ago the latest call started; never negative, even if clocks disagree a little. */
    public Duration age(Instant now) {
        Duration age = Duration.between(lastCallAt, now);
        return age.isNegative() ? Duration.ZERO : age;
    }
}
