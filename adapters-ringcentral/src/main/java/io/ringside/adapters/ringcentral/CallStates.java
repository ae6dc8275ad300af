package io.ringside.adapters.ringcentral;

import io.ringside.domain.CallState;
import io.ringside.domain.PartyStatus;

import java.util.Optional;
import java.util.Set;

/** RingCentral's words for where a call is, in Ringside's {@link CallState}s. */
final class CallStates {

    /** Call-log results of calls that reached voicemail ({@code CallResultEnum}). */
    private static final Set<String> VOICEMAIL = Set.of("Voicemail", "Sent to Voicemail");
    /** Call-log results of inbound calls nobody answered: the caller is still waiting for someone. */
    private static final Set<String> MISSED = Set.of("Missed", "No Answer", "Abandoned", "Busy", "Rejected",
            "Declined", "Hang Up", "Blocked", "Call Failed", "Call Failure", "IP Phone Offline", "Callback requested");

    private CallStates() {
    }

    /**
     * A call-log record's {@code result}. Records are written after a call ends, so anything that is
     * neither voicemail nor unanswered (Accepted, Call connected, Answered Elsewhere, Received, an
     * unknown new value…) is an ended call; "In Progress" only appears on active-calls listings.
     */
    static CallState fromCallLogResult(String result) {
        if (result == null) {
            return CallState.ENDED;
        }
        if (VOICEMAIL.contains(result)) {
            return CallState.VOICEMAIL;
        }
        if (MISSED.contains(result)) {
            return CallState.MISSED;
        }
        if ("In Progress".equals(result)) {
            return CallState.CONNECTED;
        }
        return CallState.ENDED;
    }

    /**
     * A presence active call's {@code telephonyStatus}. The call is listed as active, so an absent or
     * unknown status is taken as connected rather than dropped from the live list.
     */
    static CallState fromTelephonyStatus(String telephonyStatus) {
        if (telephonyStatus == null) {
            return CallState.CONNECTED;
        }
        return switch (telephonyStatus) {
            case "Ringing" -> CallState.RINGING;
            case "NoCall" -> CallState.ENDED;
            default -> CallState.CONNECTED; // CallConnected, OnHold, ParkedCall
        };
    }

    /**
     * A telephony-session party's {@code status.code}. Codes Ringside does not follow (FaxReceive,
     * VoiceMailScreening, a new one) are empty: the caller skips the party and says which code it was.
     */
    static Optional<PartyStatus> fromPartyStatus(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (code) {
            case "Setup" -> PartyStatus.SETUP;
            case "Proceeding" -> PartyStatus.PROCEEDING;
            case "Answered" -> PartyStatus.ANSWERED;
            case "Hold" -> PartyStatus.HOLD;
            case "Parked" -> PartyStatus.PARKED;
            case "VoiceMail" -> PartyStatus.VOICEMAIL;
            case "Disconnected" -> PartyStatus.DISCONNECTED;
            case "Gone" -> PartyStatus.GONE;
            default -> null;
        });
    }

    /** A detailed-presence active call's {@code telephonyStatus} as a party status; unknown values are empty. */
    static Optional<PartyStatus> fromPresenceStatus(String telephonyStatus) {
        if (telephonyStatus == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (telephonyStatus) {
            case "Ringing" -> PartyStatus.PROCEEDING;
            case "CallConnected" -> PartyStatus.ANSWERED;
            case "OnHold" -> PartyStatus.HOLD;
            case "ParkedCall" -> PartyStatus.PARKED;
            case "NoCall" -> PartyStatus.DISCONNECTED;
            default -> null;
        });
    }
}
