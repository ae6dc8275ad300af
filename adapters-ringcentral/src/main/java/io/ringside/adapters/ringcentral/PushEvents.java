package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ActiveCall;
import io.ringside.adapters.ringcentral.wire.PresenceEventBody;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody.End;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody.Party;
import io.ringside.domain.CallEvent;
import io.ringside.domain.CallingParty;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.PartyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * RingCentral's push notification bodies as {@link CallEvent}s, one per party (telephony sessions) or per
 * active call (detailed presence, the fallback). What cannot be read costs that party or call, never the
 * rest of the notification; each skip is logged with what was wrong (never a number or a name).
 */
final class PushEvents {

    private static final Logger log = LoggerFactory.getLogger(PushEvents.class);
    static final String PRESENCE_PARTY_PREFIX = "presence-";

    private final PhoneNumbers phoneNumbers;

    PushEvents(PhoneNumbers phoneNumbers) {
        this.phoneNumbers = phoneNumbers;
    }

    /**
     * @param notifiedAt the notification's {@code timestamp}, for a body without {@code eventTime} (or null)
     * @param now        the last resort for the event time
     */
    List<CallEvent> fromTelephonySession(TelephonySessionBody body, Instant notifiedAt, Instant now) {
        if (body.telephonySessionId() == null || body.telephonySessionId().isBlank()) {
            log.warn("Skipped a telephony-session notification without a telephonySessionId");
            return List.of();
        }
        if (body.sequence() == null) {
            log.warn("Skipped a telephony-session notification of session {} without a sequence (its order is unknown)",
                    body.telephonySessionId());
            return List.of();
        }
        Instant eventTime = instant(body.eventTime()).or(() -> Optional.ofNullable(notifiedAt)).orElse(now);
        List<CallEvent> events = new ArrayList<>();
        for (Party party : body.partiesOrEmpty()) {
            if (party == null) {
                continue;
            }
            if (party.id() == null || party.id().isBlank()) {
                log.info("Skipped a party without an id in session {}", body.telephonySessionId());
                continue;
            }
            String code = party.status() == null ? null : party.status().code();
            Optional<PartyStatus> status = CallStates.fromPartyStatus(code);
            if (status.isEmpty()) {
                log.info("Skipped party {} of session {}: status code '{}' is not one Ringside follows",
                        party.id(), body.telephonySessionId(), code);
                continue;
            }
            Optional<Direction> direction = direction(party.direction());
            if (direction.isEmpty()) {
                log.info("Skipped party {} of session {}: unknown direction '{}'", party.id(), body.telephonySessionId(), party.direction());
                continue;
            }
            End from = party.from();
            CallingParty caller = from == null
                    ? phoneNumbers.callingParty(null, null, null)
                    : phoneNumbers.callingParty(from.phoneNumber(), from.extensionNumber(), from.name());
            End to = party.to();
            events.add(new CallEvent(
                    body.telephonySessionId(),
                    body.sequence(),
                    eventTime,
                    party.id(),
                    direction.get(),
                    caller,
                    to == null ? null : to.phoneNumber(),
                    extension(party, direction.get()),
                    status.get(),
                    Boolean.TRUE.equals(party.missedCall())));
        }
        return events;
    }

    /**
     * One event per active call of a detailed presence notification. A call without a telephony session
     * id, an id or a known status is skipped.
     */
    List<CallEvent> fromPresence(PresenceEventBody body, Instant notifiedAt, Instant now) {
        if (body.extensionId() == null || body.extensionId().isBlank() || body.sequence() == null) {
            log.warn("Skipped a presence notification without {}", body.sequence() == null ? "a sequence" : "an extensionId");
            return List.of();
        }
        Instant eventTime = notifiedAt != null ? notifiedAt : now;
        Extension extension = new Extension(body.extensionId(), null, null);
        List<CallEvent> events = new ArrayList<>();
        for (ActiveCall call : body.activeCallsOrEmpty()) {
            if (call == null) {
                continue;
            }
            // Older payloads carry only the legacy sessionId: better that id than losing a ringing call.
            String session = call.telephonySessionId() != null && !call.telephonySessionId().isBlank()
                    ? call.telephonySessionId() : call.sessionId();
            if (call.id() == null || call.id().isBlank() || session == null || session.isBlank()) {
                log.info("Skipped an active call of extension {} without {}", body.extensionId(),
                        call.id() == null || call.id().isBlank() ? "an id" : "a session id");
                continue;
            }
            Optional<PartyStatus> status = CallStates.fromPresenceStatus(call.telephonyStatus());
            if (status.isEmpty()) {
                log.info("Skipped active call {} of extension {}: telephonyStatus '{}' is not one Ringside follows",
                        call.id(), body.extensionId(), call.telephonyStatus());
                continue;
            }
            Optional<Direction> direction = direction(call.direction());
            if (direction.isEmpty()) {
                log.info("Skipped active call {} of extension {}: unknown direction '{}'", call.id(), body.extensionId(), call.direction());
                continue;
            }
            events.add(new CallEvent(
                    session,
                    body.sequence(),
                    eventTime,
                    presencePartyId(body.extensionId(), call.id()),
                    direction.get(),
                    phoneNumbers.callingParty(call.from(), null, call.fromName()),
                    call.to(),
                    extension,
                    status.get(),
                    false));
        }
        return events;
    }

    static String presencePartyId(String extensionId, String callId) {
        return PRESENCE_PARTY_PREFIX + extensionId + "-" + callId;
    }

    /** The company extension whose leg this is: the callee's side of an inbound party, the caller's of an outbound one. */
    private static Extension extension(Party party, Direction direction) {
        if (party.extensionId() == null || party.extensionId().isBlank()) {
            return null;
        }
        End own = direction == Direction.INBOUND ? party.to() : party.from();
        return new Extension(party.extensionId(), own == null ? null : own.extensionNumber(), own == null ? null : own.name());
    }

    private static Optional<Direction> direction(String direction) {
        if ("Inbound".equalsIgnoreCase(direction)) {
            return Optional.of(Direction.INBOUND);
        }
        if ("Outbound".equalsIgnoreCase(direction)) {
            return Optional.of(Direction.OUTBOUND);
        }
        return Optional.empty();
    }

    static Optional<Instant> instant(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(OffsetDateTime.parse(text.strip()).toInstant());
        } catch (DateTimeParseException notIso) {
            try {
                return Optional.of(Instant.parse(text.strip()));
            } catch (DateTimeParseException notInstant) {
                return Optional.empty();
            }
        }
    }
}
