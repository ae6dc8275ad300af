package io.ringside.adapters.ringcentral.wire;

import java.util.List;

/**
 * The body of a telephony-session notification ({@code /restapi/v1.0/account/~/telephony/sessions}):
 * one call and every party of it, as it is now.
 *
 * @param sequence  RingCentral's order number of the notification within the session; they can arrive out of order
 * @param eventTime ISO-8601, e.g. {@code 2026-11-22T18:20:00.123Z}
 */
public record TelephonySessionBody(
        Long sequence,
        String sessionId,
        String telephonySessionId,
        String serverId,
        String eventTime,
        List<Party> parties) {

    public List<Party> partiesOrEmpty() {
        return parties == null ? List.of() : parties;
    }

    /** One extension's leg of the call ({@code id} is the party id, {@code p-…}). */
    public record Party(
            String id,
            String accountId,
            String extensionId,
            String direction,
            End from,
            End to,
            Status status,
            Boolean missedCall) {
    }

    /** The caller's or callee's side: a number, and an extension when it is one of the company's. */
    public record End(String phoneNumber, String name, String extensionId, String extensionNumber) {
    }

    /** {@code code}: Setup, Proceeding, Answered, Hold, Parked, VoiceMail, Disconnected, Gone (also FaxReceive, VoiceMailScreening). */
    public record Status(String code, String reason) {
    }
}
