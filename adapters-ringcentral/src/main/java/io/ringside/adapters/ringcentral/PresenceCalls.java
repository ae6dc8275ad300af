package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.PresenceEventBody;
import io.ringside.domain.CallEvent;
import io.ringside.domain.PartyStatus;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The calls of the detailed-presence fallback scope. Presence lists only the calls active now: a call that
 * was listed and no longer is has ended. When a newer notification lists the calls (or says NoCall) and one
 * is missing, it is reported disconnected. Used only on the session's thread.
 */
final class PresenceCalls {

    private final PushEvents events;
    private final Clock clock;
    /** The last known state of each call presence listed, to end those that leave the list. */
    private final Map<String, CallEvent> calls = new LinkedHashMap<>();
    private long sequence = Long.MIN_VALUE;

    PresenceCalls(PushEvents events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /** The call events of one presence notification, with those of the calls it no longer lists. */
    List<CallEvent> update(PresenceEventBody body, Instant notifiedAt) {
        List<CallEvent> listed = events.fromPresence(body, notifiedAt, clock.instant());
        if (body.sequence() == null || body.extensionId() == null) {
            return listed;
        }
        List<CallEvent> result = new ArrayList<>(listed);
        boolean listsCalls = body.activeCalls() != null || "NoCall".equals(body.telephonyStatus());
        if (body.sequence() > sequence) {
            sequence = body.sequence();
            if (listsCalls) {
                Set<String> present = new HashSet<>();
                listed.forEach(call -> present.add(call.partyId()));
                for (CallEvent known : List.copyOf(calls.values())) {
                    if (!present.contains(known.partyId())) {
                        calls.remove(known.partyId());
                        result.add(new CallEvent(known.telephonySessionId(), body.sequence(),
                                notifiedAt != null ? notifiedAt : clock.instant(), known.partyId(), known.direction(), known.from(),
                                known.dialledNumber(), known.extension(), PartyStatus.DISCONNECTED, false));
                    }
                }
            }
            for (CallEvent call : listed) {
                if (call.status().isOver()) {
                    calls.remove(call.partyId());
                } else {
                    calls.put(call.partyId(), call);
                }
            }
        }
        return result;
    }

    /** A new subscription: what the old one listed means nothing now. */
    void forget() {
        calls.clear();
        sequence = Long.MIN_VALUE;
    }
}
