package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/** {@code PresenceInfoResponse} of the contract; {@code activeCalls} only with {@code detailedTelephonyState=true}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PresenceResponse(
        String uri,
        Extension extension,
        String presenceStatus,
        String telephonyStatus,
        String userStatus,
        String dndStatus,
        boolean allowSeeMyPresence,
        boolean ringOnMonitoredCall,
        boolean pickUpCallsOnHold,
        List<ActiveCall> activeCalls) {

    record Extension(long id, String uri, String extensionNumber) {
    }

    /** {@code ActiveCallInfo}: caller as a bare string (number, else extension number), name beside it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ActiveCall(
            String id,
            String direction,
            String from,
            String fromName,
            String to,
            String toName,
            String startTime,
            String telephonyStatus,
            String sessionId,
            String telephonySessionId,
            String partyId) {
    }
}
