package io.ringside.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The calls of the window, one per telephony session, as every source tells them: push events
 * (per party, highest sequence wins), presence snapshots of the connected extension, and the call
 * log's final records; and, on an instance that mirrors another's feed, the views that instance told
 * ({@link #adopt}). Plain and single-threaded: feed it, then read {@link #callers}. Every
 * method that changes something says whether the picker's picture may have changed.
 */
public final class CallBoard {

    private final RecentCallers policy;
    private final Map<String, BoardCall> calls = new HashMap<>();

    public CallBoard(RecentCallers policy) {
        this.policy = policy;
    }

    /** A push event. An event older (lower sequence) than what its party already said changes nothing. */
    public boolean apply(CallEvent event) {
        return calls.computeIfAbsent(event.telephonySessionId(), BoardCall::new).apply(event);
    }

    /**
     * Records from the call log: each call has ended, and its result there is final (it outranks
     * live parties whose end a dropped connection never delivered).
     */
    public boolean sync(Collection<InboundCall> callLogRecords) {
        boolean changed = false;
        for (InboundCall record : callLogRecords) {
            changed |= calls.computeIfAbsent(record.sessionKey(), BoardCall::new).settle(record);
        }
        return changed;
    }

    /**
     * Views of calls as another instance (the RingCentral owner) holds them. A view that is over is as final as
     * a call-log record and is settled like one. A live view is only what that instance last knew: it stands for
     * the call until this board hears of the call itself, so that when this instance becomes the owner, its own
     * push events, presence snapshots and call-log reads move the call on (a call adopted as connected must not
     * stay "on the line" after push says it ended). On a cleared board every view comes back exactly as given.
     */
    public boolean adopt(Collection<InboundCall> views) {
        boolean changed = false;
        for (InboundCall view : views) {
            BoardCall call = calls.computeIfAbsent(view.sessionKey(), BoardCall::new);
            changed |= view.state().isLive() ? call.adopt(view) : call.settle(view);
        }
        return changed;
    }

    /**
     * A snapshot of the calls live at the connected extension (presence). A call it showed before
     * and no longer shows has ended there: missed if it only rang, ended if it was answered.
     */
    public boolean presence(Collection<InboundCall> liveNow) {
        boolean changed = false;
        Set<String> onTheLine = new HashSet<>();
        for (InboundCall call : liveNow) {
            onTheLine.add(call.sessionKey());
            changed |= calls.computeIfAbsent(call.sessionKey(), BoardCall::new).seenInPresence(call);
        }
        for (BoardCall call : calls.values()) {
            if (!onTheLine.contains(call.key)) {
                changed |= call.goneFromPresence();
            }
        }
        return changed;
    }

    /** Forgets calls that are over and started before the window; live calls stay however old. */
    public boolean expire(Instant now) {
        Instant windowStart = policy.windowStart(now);
        return calls.values().removeIf(call -> call.isOver() && call.startTime().isBefore(windowStart));
    }

    /** Forgets everything (the connection was removed or must be made again). */
    public void clear() {
        calls.clear();
    }

    public boolean isEmpty() {
        return calls.isEmpty();
    }

    /** Every call on the board as one record each. */
    public List<InboundCall> calls() {
        List<InboundCall> all = new ArrayList<>(calls.size());
        for (BoardCall call : calls.values()) {
            InboundCall view = call.view();
            if (view != null) {
                all.add(view);
            }
        }
        return all;
    }

    /** The picker's list at {@code now}, by the policy. */
    public CallerList callers(Instant now) {
        return policy.select(calls(), now);
    }

    public RecentCallers policy() {
        return policy;
    }

    /**
     * One phone call: its parties as push told them, what presence showed, the call log's final word, and what
     * another instance told of it while this board had no word of its own.
     */
    private static final class BoardCall {

        /** Presence tells one state per call at the connected extension; it is kept as one more party. */
        private static final String PRESENCE_PARTY = "presence";

        private final String key;
        private final Map<String, Party> parties = new HashMap<>();
        private long presenceSnapshots;
        private InboundCall described;
        private InboundCall settled;
        /**
         * The live view another instance told last, or null. It stands for the parties only while this board has
         * none (see {@link #derive}); once push or presence speaks, it still says that someone had answered, and who.
         */
        private InboundCall adopted;
        private InboundCall view;

        private BoardCall(String key) {
            this.key = key;
        }

        boolean apply(CallEvent event) {
            Party known = parties.get(event.partyId());
            if (known != null && known.sequence >= event.sequence()) {
                return false;
            }
            parties.put(event.partyId(), new Party(event.sequence(), event.status(), event.extension(), event.direction(),
                    known != null && known.answered() || event.status().isOnCall()));
            InboundCall told = new InboundCall(key, key, event.direction(), event.from(), event.dialledNumber(),
                    event.eventTime(), CallState.RINGING);
            describe(told);
            return refresh();
        }

        boolean adopt(InboundCall view) {
            adopted = view;
            describe(view.withDesks(CallState.RINGING, null, Set.of()));
            return refresh();
        }

        boolean settle(InboundCall record) {
            settled = settled == null ? record : settled.mergedWith(record);
            return refresh();
        }

        boolean seenInPresence(InboundCall call) {
            PartyStatus status = call.state() == CallState.RINGING ? PartyStatus.PROCEEDING
                    : call.state().isLive() ? PartyStatus.ANSWERED : PartyStatus.DISCONNECTED;
            Party known = parties.get(PRESENCE_PARTY);
            parties.put(PRESENCE_PARTY, new Party(++presenceSnapshots, status, null, call.direction(),
                    known != null && known.answered() || status.isOnCall()));
            describe(call.withState(CallState.RINGING, null));
            return refresh();
        }

        /**
         * Who called, what was dialled and when it began, as the records of the call tell it: an inbound
         * party's account beats an outbound one's (an internal call has both); names are kept; the
         * earliest time is the start.
         */
        private void describe(InboundCall told) {
            if (described == null || told.isInbound() && !described.isInbound()) {
                described = told;
            } else if (told.isInbound() == described.isInbound()) {
                described = described.mergedWith(told);
            }
        }

        boolean goneFromPresence() {
            Party known = parties.get(PRESENCE_PARTY);
            if (known == null || known.status.isOver()) {
                return false;
            }
            parties.put(PRESENCE_PARTY, new Party(++presenceSnapshots, PartyStatus.DISCONNECTED, null, known.direction,
                    known.answered));
            return refresh();
        }

        boolean isOver() {
            return view == null || !view.state().isLive();
        }

        Instant startTime() {
            return view == null ? Instant.MIN : view.startTime();
        }

        InboundCall view() {
            return view;
        }

        private boolean refresh() {
            InboundCall before = view;
            view = derive();
            return !Objects.equals(before, view);
        }

        private InboundCall derive() {
            InboundCall live;
            if (described == null) {
                live = null;
            } else if (parties.isEmpty() && adopted != null) {
                // Nothing of this board's own yet: the other instance's word is the best there is.
                live = described.withDesks(adopted.state(), adopted.answeredBy(), adopted.ringingAt());
            } else {
                live = described.withDesks(state(), answerer(), ringing());
            }
            if (settled == null) {
                return live;
            }
            if (live == null) {
                return settled;
            }
            // The call log has the last word on how the call ended; push may still know who answered.
            InboundCall merged = live.mergedWith(settled);
            return merged.withState(settled.state(), merged.answeredBy());
        }

        /** Live while any party rings or talks; otherwise voicemail, ended (someone answered) or missed. */
        private CallState state() {
            Collection<Party> relevant = partiesOfDirection();
            if (relevant.stream().anyMatch(party -> party.status.isOnCall())) {
                return CallState.CONNECTED;
            }
            if (relevant.stream().anyMatch(party -> party.status.isRinging())) {
                return CallState.RINGING;
            }
            if (relevant.isEmpty()) {
                return CallState.RINGING;
            }
            if (relevant.stream().anyMatch(party -> party.status == PartyStatus.VOICEMAIL)) {
                return CallState.VOICEMAIL;
            }
            return relevant.stream().anyMatch(Party::answered) || wasAnsweredWhenAdopted() ? CallState.ENDED : CallState.MISSED;
        }

        /**
         * The adopted view said someone had taken the call: a takeover's first push event about it (say, the
         * answerer hanging up) does not know that, but the call ended rather than was missed.
         */
        private boolean wasAnsweredWhenAdopted() {
            return adopted != null && (adopted.state() == CallState.CONNECTED || adopted.answeredBy() != null);
        }

        /** Who took the call: the party on the line now, else the one that last was. */
        private Extension answerer() {
            Party best = null;
            for (Party party : partiesOfDirection()) {
                if (party.extension == null || !party.answered()) {
                    continue;
                }
                boolean better = best == null
                        || party.status.isOnCall() && !best.status.isOnCall()
                        || party.status.isOnCall() == best.status.isOnCall() && party.sequence > best.sequence;
                if (better) {
                    best = party;
                }
            }
            if (best == null) {
                return adopted == null ? null : adopted.answeredBy();
            }
            return best.extension;
        }

        /** The desks the call rings at now. */
        private Set<Extension> ringing() {
            Set<Extension> desks = new HashSet<>();
            for (Party party : partiesOfDirection()) {
                if (party.extension != null && party.status.isRinging()) {
                    desks.add(party.extension);
                }
            }
            return desks;
        }

        /** For an inbound call, its inbound parties (the company's desks); an internal call's caller leg does not count. */
        private Collection<Party> partiesOfDirection() {
            List<Party> inbound = parties.values().stream().filter(party -> party.direction == Direction.INBOUND).toList();
            return inbound.isEmpty() ? parties.values() : inbound;
        }
    }

    /**
     * @param answered whether this party has been on the call at some point
     */
    private record Party(long sequence, PartyStatus status, Extension extension, Direction direction, boolean answered) {
    }
}
