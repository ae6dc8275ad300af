package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One call to the company as RingCentral reported it, from the call log or from presence.
 * The same call seen twice carries the same telephony session id. The direction is kept
 * because presence lists outbound calls too; {@link RecentCallers} keeps inbound ones only.
 *
 * @param id                 RingCentral's id of the record (call-log id, or the presence call id)
 * @param telephonySessionId RingCentral's id of the phone call itself, shared by every record of it
 * @param from               who called
 * @param dialledNumber      the company number that was called, as RingCentral gave it, or null
 * @param startTime          when the call started ringing
 * @param state              ringing, connected, ended, missed or voicemail
 */
public record InboundCall(
        String id,
        String telephonySessionId,
        Direction direction,
        CallingParty from,
        String dialledNumber,
        Instant startTime,
        CallState state) {

    public InboundCall {
        id = Text.requireText(id, "A call id");
        telephonySessionId = Text.blankToNull(telephonySessionId);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        dialledNumber = Text.blankToNull(dialledNumber);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(state, "state");
    }

    /** The key that identifies the phone call across call log and presence. */
    public String sessionKey() {
        return telephonySessionId != null ? telephonySessionId : id;
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }
}
