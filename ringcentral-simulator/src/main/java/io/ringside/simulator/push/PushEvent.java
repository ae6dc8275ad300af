package io.ringside.simulator.push;

import io.ringside.simulator.calls.SimulatedCall;

/**
 * One thing that happened, ready for every subscription whose filter covers it: a telephony-session
 * step of a call, or the presence of the extension it rang after that step.
 *
 * @param telephony       true for a telephony-session event, false for a presence event
 * @param call            the call the event is about (after the step)
 * @param sequence        the event's {@code body.sequence}: per telephony session, or per extension for presence
 * @param body            the telephony-session body, or the detailed presence body
 * @param simplePresence  for presence events: the body without active calls (filters without
 *                        {@code detailedTelephonyState=true}); null for telephony events
 */
record PushEvent(boolean telephony, SimulatedCall call, long sequence, Object body, Object simplePresence) {

    boolean matches(EventFilter filter) {
        boolean telephonyFilter = !(filter instanceof EventFilter.ExtensionPresence);
        return telephonyFilter == telephony && filter.coversCallOf(call);
    }

    Object bodyFor(EventFilter filter) {
        return filter instanceof EventFilter.ExtensionPresence presence && !presence.detailed() ? simplePresence : body;
    }

    /** What a test or benchmark reads to tell events apart, e.g. {@code Proceeding} or {@code Ringing}. */
    String status() {
        return switch (body) {
            case TelephonyEvents.SessionBody s -> s.parties().getFirst().status().code();
            case TelephonyEvents.PresenceBody p -> p.telephonyStatus();
            default -> "";
        };
    }
}
