package io.ringside.adapters.ringcentral.wire;

import java.time.Instant;

/**
 * {@code ActiveCallInfo}. {@code from} is a phone number or an extension number, in one string.
 *
 * @param telephonyStatus {@code NoCall}, {@code CallConnected}, {@code Ringing}, {@code OnHold} or {@code ParkedCall}
 * @param startTime       may be absent
 */
public record ActiveCall(
        String id,
        String direction,
        String from,
        String fromName,
        String to,
        String toName,
        Instant startTime,
        String telephonyStatus,
        String sessionId,
        String telephonySessionId) {
}
