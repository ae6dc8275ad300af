package io.ringside.simulator.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ringside.simulator.calls.CallBook;
import io.ringside.simulator.calls.CallChange;
import io.ringside.simulator.calls.CallResult;
import io.ringside.simulator.calls.CallStatus;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.calls.Party;
import io.ringside.simulator.calls.SimulatedCall;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a call's steps into RingCentral's notification bodies: the telephony-session event of the
 * called party (Proceeding → Answered ⇄ Hold → Disconnected; VoiceMail then Disconnected) with a
 * sequence per telephony session, and the called extension's presence with a sequence per extension.
 * Not thread-safe: the gateway calls it under its lock.
 */
final class TelephonyEvents {

    /** RingCentral's detailed presence lists "the latest 7 active calls". */
    static final int MAX_PRESENCE_CALLS = 7;
    private static final String SERVER_ID = "10.13.122.21.TAM";

    record Origin(String type) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallParty(String phoneNumber, String name, String extensionId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Status(String code, String reason) {
    }

    record PartyInfo(String accountId, String extensionId, String id, String direction, CallParty to,
                     CallParty from, Status status, boolean missedCall, boolean standAlone, boolean muted,
                     Map<String, String> park) {
    }

    /** {@code TelephonySessionsEventBody} (with the {@code accountId}/{@code extensionId} RingCentral's sample shows). */
    record SessionBody(long sequence, String sessionId, String telephonySessionId, String serverId, String eventTime,
                       Origin origin, List<PartyInfo> parties, String accountId, String extensionId) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveCall(String id, String direction, String from, String fromName, String to, String toName,
                      String startTime, String telephonyStatus, String terminationType, String sessionId,
                      String telephonySessionId, String partyId) {
    }

    /** {@code DetailedExtensionPresenceEventBody}; {@code activeCalls} and {@code totalActiveCalls} only when detailed. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PresenceBody(String extensionId, String telephonyStatus, List<ActiveCall> activeCalls, long sequence,
                        String presenceStatus, String userStatus, String meetingStatus, String dndStatus,
                        boolean allowSeeMyPresence, boolean ringOnMonitoredCall, boolean pickUpCallsOnHold,
                        Integer totalActiveCalls) {
    }

    private final Directory directory;
    private final CallBook book;
    private final Map<String, Long> sessionSequences = new HashMap<>();
    private final Map<Long, Long> presenceSequences = new HashMap<>();

    TelephonyEvents(Directory directory, CallBook book) {
        this.directory = directory;
        this.book = book;
    }

    /** The events one step causes, in order: telephony event(s), then the presence after the step. */
    List<PushEvent> of(CallChange change) {
        SimulatedCall call = change.after();
        List<PushEvent> events = new ArrayList<>(3);
        for (Status status : statusesOf(change)) {
            boolean missed = call.status() == CallStatus.ENDED && call.result() != CallResult.ACCEPTED;
            long sequence = sessionSequences.merge(call.telephonySessionId(), 1L, Long::sum);
            events.add(new PushEvent(true, call, sequence, sessionBody(call, sequence, status, missed, change.at()),
                    null));
        }
        if (call.status() == CallStatus.ENDED) {
            sessionSequences.remove(call.telephonySessionId()); // nothing follows Disconnected
        }
        long presenceSequence = presenceSequences.merge(call.extension().id(), 1L, Long::sum);
        events.add(new PushEvent(false, call, presenceSequence, presence(call, presenceSequence, true),
                presence(call, presenceSequence, false)));
        return events;
    }

    void clear() {
        sessionSequences.clear();
        presenceSequences.clear();
    }

    private static List<Status> statusesOf(CallChange change) {
        SimulatedCall call = change.after();
        if (change.started()) {
            return List.of(new Status("Proceeding", null)); // an inbound call ringing an extension
        }
        return switch (call.status()) {
            case RINGING -> List.of(new Status("Proceeding", null));
            case CONNECTED -> List.of(new Status("Answered", null));
            case ON_HOLD -> List.of(new Status("Hold", null));
            case ENDED -> call.result() == CallResult.VOICEMAIL
                    ? List.of(new Status("VoiceMail", null), new Status("Disconnected", null))
                    : List.of(new Status("Disconnected", null));
        };
    }

    private SessionBody sessionBody(SimulatedCall call, long sequence, Status status, boolean missed, Instant at) {
        String accountId = Long.toString(directory.accountId());
        String extensionId = Long.toString(call.extension().id());
        PartyInfo party = new PartyInfo(accountId, extensionId, call.partyId(), "Inbound", to(call.extension()),
                from(call.from()), status, missed, false, false, Map.of());
        return new SessionBody(sequence, call.sessionId(), call.telephonySessionId(), SERVER_ID, Wire.time(at),
                new Origin("Call"), List.of(party), accountId, extensionId);
    }

    private static CallParty to(Extension extension) {
        return new CallParty(extension.directNumber(), extension.name(), Long.toString(extension.id()));
    }

    /** An internal caller shows its extension number as {@code phoneNumber}, with its extension id (RingCentral's sample). */
    private CallParty from(Party caller) {
        if (caller.extensionNumber() != null) {
            String extensionId = directory.byNumber(caller.extensionNumber())
                    .map(e -> Long.toString(e.id())).orElse(null);
            return new CallParty(caller.extensionNumber(), caller.name(), extensionId);
        }
        return new CallParty(caller.phoneNumber(), caller.name(), null);
    }

    private PresenceBody presence(SimulatedCall changed, long sequence, boolean detailed) {
        Extension extension = changed.extension();
        List<SimulatedCall> live = book.live().stream().filter(c -> c.extension().equals(extension)).toList();
        List<ActiveCall> calls = new ArrayList<>();
        if (changed.status() == CallStatus.ENDED) {
            calls.add(activeCall(changed)); // shown once more, as NoCall / final, so a watcher learns it ended
        }
        live.stream().limit(MAX_PRESENCE_CALLS - calls.size()).map(TelephonyEvents::activeCall).forEach(calls::add);
        return new PresenceBody(Long.toString(extension.id()), overallStatus(live), detailed ? calls : null, sequence,
                live.isEmpty() ? "Available" : "Busy", "Available", "Disconnected", "TakeAllCalls", true, false,
                false, detailed ? live.size() : null);
    }

    private static String overallStatus(List<SimulatedCall> live) {
        for (CallStatus status : List.of(CallStatus.RINGING, CallStatus.CONNECTED, CallStatus.ON_HOLD)) {
            if (live.stream().anyMatch(c -> c.status() == status)) {
                return status.telephonyStatus();
            }
        }
        return CallStatus.ENDED.telephonyStatus();
    }

    private static ActiveCall activeCall(SimulatedCall call) {
        boolean ended = call.status() == CallStatus.ENDED;
        return new ActiveCall(call.id(), "Inbound", call.from().presenceAddress(), call.from().name(),
                call.to().presenceAddress(), call.to().name(), Wire.time(call.startTime()),
                call.status().telephonyStatus(), ended ? "final" : null, call.sessionId(), call.telephonySessionId(),
                call.partyId());
    }
}
