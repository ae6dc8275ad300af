package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One telephony-session notification about one party of a call: "the call s-… is now ringing at
 * extension 103". RingCentral numbers the notifications of a session ({@code sequence}); they can
 * arrive out of order, and for each party the highest sequence wins.
 *
 * @param telephonySessionId the phone call
 * @param sequence           RingCentral's order number of the notification within the session
 * @param eventTime          when it happened, as RingCentral says
 * @param partyId            the party (one extension's leg of the call)
 * @param direction          inbound or outbound, from the party's side
 * @param from               the caller
 * @param dialledNumber      the number that was called, or null
 * @param extension          the company extension of this party, or null when it has none (e.g. a queue)
 * @param status             where the party is now
 * @param missedCall         RingCentral's flag that the call was missed at this party
 */
public record CallEvent(
        String telephonySessionId,
        long sequence,
        Instant eventTime,
        String partyId,
        Direction direction,
        CallingParty from,
        String dialledNumber,
        Extension extension,
        PartyStatus status,
        boolean missedCall) {

    public CallEvent {
        telephonySessionId = Text.requireText(telephonySessionId, "A telephony session id");
        Objects.requireNonNull(eventTime, "eventTime");
        partyId = Text.requireText(partyId, "A party id");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        dialledNumber = Text.blankToNull(dialledNumber);
        Objects.requireNonNull(status, "status");
    }
}
