package io.ringside.simulator.calls;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One inbound call, immutable: every change of state returns a new value.
 *
 * @param id                 the call-log record id (also the presence call id)
 * @param sessionId          RingCentral's numeric call session id
 * @param telephonySessionId the telephony session id ({@code s-…})
 * @param from               the caller
 * @param to                 the dialled company line
 * @param extension          the extension the call rings
 * @param startTime          when it started ringing
 * @param answeredAt         when it was answered, or null
 * @param endedAt            when it ended, or null while live
 * @param status             ringing, connected, on hold or ended
 * @param result             set once ended
 */
public record SimulatedCall(
        String id,
        String sessionId,
        String telephonySessionId,
        Party from,
        Party to,
        Extension extension,
        Instant startTime,
        Instant answeredAt,
        Instant endedAt,
        CallStatus status,
        CallResult result) {

    public SimulatedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(status, "status");
    }

    public boolean isLive() {
        return status != CallStatus.ENDED;
    }

    public SimulatedCall answered(Instant at) {
        requireLive("answer");
        Instant answered = answeredAt != null ? answeredAt : at;
        return new SimulatedCall(id, sessionId, telephonySessionId, from, to, extension, startTime, answered, null,
                CallStatus.CONNECTED, null);
    }

    public SimulatedCall onHold() {
        requireLive("hold");
        if (answeredAt == null) {
            throw new IllegalStateException("a ringing call cannot be put on hold: " + id);
        }
        return new SimulatedCall(id, sessionId, telephonySessionId, from, to, extension, startTime, answeredAt, null,
                CallStatus.ON_HOLD, null);
    }

    /** Hangs up: accepted if someone answered, missed if it only rang. */
    public SimulatedCall ended(Instant at) {
        requireLive("end");
        return endedWith(at, answeredAt != null ? CallResult.ACCEPTED : CallResult.MISSED);
    }

    public SimulatedCall toVoicemail(Instant at) {
        requireLive("send to voicemail");
        if (answeredAt != null) {
            throw new IllegalStateException("an answered call cannot go to voicemail: " + id);
        }
        return endedWith(at, CallResult.VOICEMAIL);
    }

    /** The called extension's party in the telephony session (presence {@code partyId}, telephony {@code parties[].id}). */
    public String partyId() {
        return "p-" + telephonySessionId.substring(2, 18) + "-1";
    }

    /** Seconds on the line as the call log reports it: from start to end (or to now while live). */
    public Duration duration(Instant now) {
        Instant until = endedAt != null ? endedAt : now;
        Duration d = Duration.between(startTime, until);
        return d.isNegative() ? Duration.ZERO : d;
    }

    private SimulatedCall endedWith(Instant at, CallResult how) {
        return new SimulatedCall(id, sessionId, telephonySessionId, from, to, extension, startTime, answeredAt, at,
                CallStatus.ENDED, how);
    }

    private void requireLive(String what) {
        if (!isLive()) {
            throw new IllegalStateException("cannot " + what + " call " + id + ": it has ended");
        }
    }
}
