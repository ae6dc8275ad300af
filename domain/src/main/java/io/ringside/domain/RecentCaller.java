package io.ringside.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One row of the picker: a caller, their latest call in the window and how many calls they made in it.
 *
 * @param telephonySessionId the latest call's session, so an intake can say which call it came from
 * @param answeredBy         who took the latest call, when RingCentral said (push), else null
 * @param ringingAt          where the latest call rings now, when RingCentral said (push), else empty
 */
public record RecentCaller(Caller caller, Instant lastCallAt, CallState state, int callsInWindow, String telephonySessionId,
                           Extension answeredBy, Set<Extension> ringingAt) {

    public RecentCaller(Caller caller, Instant lastCallAt, CallState state, int callsInWindow, String telephonySessionId,
                        Extension answeredBy) {
        this(caller, lastCallAt, state, callsInWindow, telephonySessionId, answeredBy, Set.of());
    }

    public RecentCaller(Caller caller, Instant lastCallAt, CallState state, int callsInWindow, String telephonySessionId) {
        this(caller, lastCallAt, state, callsInWindow, telephonySessionId, null, Set.of());
    }

    public RecentCaller {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(lastCallAt, "lastCallAt");
        Objects.requireNonNull(state, "state");
        if (callsInWindow < 1) {
            throw new IllegalArgumentException("A recent caller made at least one call, not " + callsInWindow);
        }
        ringingAt = ringingAt == null || !state.isLive() ? Set.of() : Set.copyOf(ringingAt);
    }

    /**
     * Whether this is the call of the person at {@code desk} now: ringing at their extension, or on the
     * line with them.
     */
    public boolean isAt(ExtensionLink desk) {
        if (desk == null || !isLive()) {
            return false;
        }
        if (state == CallState.CONNECTED) {
            return desk.matches(answeredBy);
        }
        return ringingAt.stream().anyMatch(desk::matches);
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
