package io.ringside.simulator.push;

import java.time.Instant;

/**
 * A ServerNotification as it went out on a socket.
 *
 * @param at                 when it was written (simulator clock)
 * @param subscriptionId     whose subscription it was for
 * @param event              the notification's {@code event} (the filter with real ids)
 * @param telephonySessionId the call's telephony session
 * @param status             the party's status code (telephony events) or {@code telephonyStatus} (presence)
 * @param sequence           {@code body.sequence}
 * @param wscSequence        the meta's {@code wsc.sequence}
 * @param replayed           true when it went out in a recovery's replay
 * @param json               the whole message as sent
 */
public record SentNotification(Instant at, String subscriptionId, String event, String telephonySessionId,
                               String status, long sequence, long wscSequence, boolean replayed, String json) {
}
