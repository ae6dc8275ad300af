package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.calls.CallStatus;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.calls.SimulatedCall;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.OAuthSession;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The connected user's presence. Its scope is the one extension: calls ringing colleagues never
 * show here — a client learns of them only from the company call log, after they end.
 */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/v1.0/account/{accountId}/extension/{extensionId}")
class PresenceController {

    /** RingCentral lists the last few calls, not all. */
    static final int MAX_ACTIVE_CALLS = 10;

    private final SimulatedPlatform platform;
    private final Links links;

    PresenceController(SimulatedPlatform platform, Links links) {
        this.platform = platform;
        this.links = links;
    }

    @GetMapping("/presence")
    @Throttled(ThrottlingGroup.LIGHT)
    PresenceResponse presence(@PathVariable String accountId, @PathVariable String extensionId,
                              @RequestParam(required = false) String detailedTelephonyState,
                              @RequestParam(required = false) String sipData,
                              @RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                              HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        boolean detailed = parseBoolean(detailedTelephonyState, "detailedTelephonyState");
        parseBoolean(sipData, "sipData");
        Extension extension = AccessScope.ownExtension(directory, extensionId, session);
        List<SimulatedCall> live = platform.callBook().live().stream()
                .filter(c -> c.extension().equals(extension))
                .toList();
        String extensionUri = links.api(request, "/account/" + directory.accountId() + "/extension/" + extension.id());
        List<PresenceResponse.ActiveCall> activeCalls = detailed
                ? live.stream().limit(MAX_ACTIVE_CALLS).map(PresenceController::activeCall).toList()
                : null;
        return new PresenceResponse(
                extensionUri + "/presence",
                new PresenceResponse.Extension(extension.id(), extensionUri, extension.extensionNumber()),
                live.isEmpty() ? "Available" : "Busy",
                overallStatus(live),
                "Available",
                "TakeAllCalls",
                true,
                false,
                false,
                activeCalls);
    }

    /** A ringing call is what the user must notice first; then a call in progress; then one on hold. */
    private static String overallStatus(List<SimulatedCall> live) {
        for (CallStatus status : List.of(CallStatus.RINGING, CallStatus.CONNECTED, CallStatus.ON_HOLD)) {
            if (live.stream().anyMatch(c -> c.status() == status)) {
                return status.telephonyStatus();
            }
        }
        return CallStatus.ENDED.telephonyStatus();
    }

    private static PresenceResponse.ActiveCall activeCall(SimulatedCall call) {
        return new PresenceResponse.ActiveCall(
                call.id(),
                "Inbound",
                call.from().presenceAddress(),
                call.from().name(),
                call.to().presenceAddress(),
                call.to().name(),
                WireTime.format(call.startTime()),
                call.status().telephonyStatus(),
                call.sessionId(),
                call.telephonySessionId(),
                call.partyId());
    }

    private static boolean parseBoolean(String value, String name) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.invalidParameter(name);
        };
    }
}
