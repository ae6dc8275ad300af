package io.ringside.simulator.push;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The out-of-order control: per call, the next telephony-session event is held back and goes out right after
 * the one that follows it. Guarded by the hub's lock.
 */
final class EventSwaps {
    private final Set<String> armed = new HashSet<>();
    private final Map<String, PushEvent> held = new HashMap<>();

    void arm(String telephonySessionId) {
        armed.add(telephonySessionId);
    }

    /** True when nothing is armed or held. */
    boolean idle() {
        return armed.isEmpty() && held.isEmpty();
    }

    /** The events in the order they go out: a held event right after the next one of its call. */
    List<PushEvent> order(List<PushEvent> events) {
        List<PushEvent> ordered = new ArrayList<>();
        for (PushEvent event : events) {
            String session = event.call().telephonySessionId();
            if (event.telephony() && armed.remove(session)) {
                held.put(session, event);
                continue;
            }
            ordered.add(event);
            PushEvent late = event.telephony() ? held.remove(session) : null;
            if (late != null) {
                ordered.add(late);
            }
        }
        return ordered;
    }

    void clear() {
        armed.clear();
        held.clear();
    }
}
