package io.ringside.adapters.ringcentral.wire;

import java.util.List;

/** {@code PresenceInfoResponse} with {@code detailedTelephonyState=true}: the extension's calls in progress. */
public record PresenceResponse(String telephonyStatus, List<ActiveCall> activeCalls) {

    public List<ActiveCall> activeCallsOrEmpty() {
        return activeCalls == null ? List.of() : activeCalls;
    }
}
