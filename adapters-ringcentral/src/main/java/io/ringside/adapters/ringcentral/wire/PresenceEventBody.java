package io.ringside.adapters.ringcentral.wire;

import java.util.List;

/**
 * The body of a detailed presence notification
 * ({@code /restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true}): the extension's
 * latest active calls (up to 7), each with its own {@code telephonyStatus}.
 */
public record PresenceEventBody(
        String extensionId,
        Long sequence,
        String telephonyStatus,
        Integer totalActiveCalls,
        List<ActiveCall> activeCalls) {

    public List<ActiveCall> activeCallsOrEmpty() {
        return activeCalls == null ? List.of() : activeCalls;
    }
}
