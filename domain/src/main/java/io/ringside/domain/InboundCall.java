package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

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
 * @param answeredBy         the extension that took the call, when known (push events say; the call log and presence do not)
 * @param ringingAt          the extensions the call rings at now (push events say; empty when unknown or not ringing)
 */
public record InboundCall(
        String id,
        String telephonySessionId,
        Direction direction,
        CallingParty from,
        String dialledNumber,
        Instant startTime,
        CallState state,
        Extension answeredBy,
        Set<Extension> ringingAt) {

    public InboundCall {
        id = Text.requireText(id, "A call id");
        telephonySessionId = Text.blankToNull(telephonySessionId);
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(from, "from");
        dialledNumber = Text.blankToNull(dialledNumber);
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(state, "state");
        ringingAt = ringingAt == null || !state.isLive() ? Set.of() : Set.copyOf(ringingAt);
    }

    /** A record that says who answered but not where it rings. */
    public InboundCall(String id, String telephonySessionId, Direction direction, CallingParty from,
                       String dialledNumber, Instant startTime, CallState state, Extension answeredBy) {
        this(id, telephonySessionId, direction, from, dialledNumber, startTime, state, answeredBy, Set.of());
    }

    /** A record that does not say who answered (call log, presence). */
    public InboundCall(String id, String telephonySessionId, Direction direction, CallingParty from,
                       String dialledNumber, Instant startTime, CallState state) {
        this(id, telephonySessionId, direction, from, dialledNumber, startTime, state, null, Set.of());
    }

    /** This call in another state, answered by {@code answerer} (null when unknown); it rings where it rang, while live. */
    public InboundCall withState(CallState newState, Extension answerer) {
        return withDesks(newState, answerer, ringingAt);
    }

    /** This call in another state, answered by {@code answerer} and ringing at {@code ringing} (kept only while live). */
    public InboundCall withDesks(CallState newState, Extension answerer, Set<Extension> ringing) {
        return new InboundCall(id, telephonySessionId, direction, from, dialledNumber, startTime, newState, answerer, ringing);
    }

    /** The key that identifies the phone call across call log and presence. */
    public String sessionKey() {
        return telephonySessionId != null ? telephonySessionId : id;
    }

    public boolean isInbound() {
        return direction == Direction.INBOUND;
    }

    /**
     * This record and {@code newer}, another record of the same phone call (say, ringing in presence,
     * then ended in the call log), as one: the record further along (ringing → connected → over; on a
     * tie, {@code newer}), with the caller as the better informed of the two knows it, so a number or
     * a name that only one record carries is not lost.
     */
    public InboundCall mergedWith(InboundCall newer) {
        InboundCall later = state.isLaterThan(newer.state) ? this : newer;
        InboundCall other = later == this ? newer : this;
        CallingParty party = betterKnown(later.from, other.from);
        String dialled = later.dialledNumber != null ? later.dialledNumber : other.dialledNumber;
        String session = later.telephonySessionId != null ? later.telephonySessionId : other.telephonySessionId;
        Extension answerer = later.answeredBy != null ? later.answeredBy : other.answeredBy;
        Instant start = earlier(later.startTime, other.startTime);
        if (party == later.from && Objects.equals(dialled, later.dialledNumber)
                && Objects.equals(session, later.telephonySessionId) && answerer == later.answeredBy
                && start.equals(later.startTime)) {
            return later;
        }
        return new InboundCall(later.id, session, later.direction, party, dialled, start, later.state, answerer, later.ringingAt);
    }

    /** Two records of one call may disagree on its start by a little (push's first event vs the call log): the call began at the earlier. */
    private static Instant earlier(Instant a, Instant b) {
        return b.isBefore(a) ? b : a;
    }

    /** The caller of one call as two records tell it; {@code preferred} wins where both know. */
    private static CallingParty betterKnown(CallingParty preferred, CallingParty other) {
        if (preferred instanceof Caller caller) {
            if (caller.name() == null && other instanceof Caller otherCaller
                    && otherCaller.number().equals(caller.number()) && otherCaller.name() != null) {
                return new Caller(caller.number(), otherCaller.name());
            }
            return preferred;
        }
        if (other instanceof Caller caller) {
            // Only one record had a usable number: that number is what the picker needs.
            return caller.name() == null && preferred.name() != null ? new Caller(caller.number(), preferred.name()) : caller;
        }
        return preferred;
    }
}
