package io.ringside.adapters.ringcentral.wire;

import java.time.Instant;

/**
 * {@code CallLogRecord} (view=Simple).
 *
 * @param direction {@code Inbound} or {@code Outbound}
 * @param result    one of {@code CallResultEnum}, e.g. {@code Accepted}, {@code Missed}, {@code Voicemail}
 */
public record CallLogRecord(
        String id,
        String sessionId,
        String telephonySessionId,
        Instant startTime,
        Long duration,
        String type,
        String direction,
        String action,
        String result,
        CallLogParty from,
        CallLogParty to) {
}
