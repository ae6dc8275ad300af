package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
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

import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

/**
 * Call log and active calls, company-wide and for the connected user. The call log holds only
 * calls that ended at least {@code callLogDelay} ago; a ringing or connected call is never in it.
 */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/restapi/v1.0/account/{accountId}")
class CallLogController {

    private final SimulatedPlatform platform;
    private final CallLogAssembler assembler;

    CallLogController(SimulatedPlatform platform, CallLogAssembler assembler) {
        this.platform = platform;
        this.assembler = assembler;
    }

    /** Every extension's calls; RingCentral requires an admin user for this (the simulated user is one). */
    @GetMapping("/call-log")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse companyCallLog(@PathVariable String accountId,
                                   @RequestParam(required = false) List<String> direction,
                                   @RequestParam(required = false) List<String> type,
                                   @RequestParam(required = false) String view,
                                   @RequestParam(required = false) String dateFrom,
                                   @RequestParam(required = false) String dateTo,
                                   @RequestParam(required = false) String sessionId,
                                   @RequestParam(required = false) String telephonySessionId,
                                   @RequestParam(required = false) String extensionNumber,
                                   @RequestParam(required = false) String page,
                                   @RequestParam(required = false) String perPage,
                                   HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        Instant now = platform.clock().instant();
        CallLogQuery query = CallLogQuery.parse(direction, type, view, dateFrom, dateTo, sessionId,
                telephonySessionId, extensionNumber, page, perPage, now);
        List<SimulatedCall> matching = platform.callBook().logged(platform.settings().callLogDelay()).stream()
                .filter(query.filter()).toList();
        return assembler.page(matching, query, request, directory, "/account/" + directory.accountId() + "/call-log",
                false, now);
    }

    /** Only the calls of the extension the token belongs to. */
    @GetMapping("/extension/{extensionId}/call-log")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse userCallLog(@PathVariable String accountId, @PathVariable String extensionId,
                                @RequestParam(required = false) List<String> direction,
                                @RequestParam(required = false) List<String> type,
                                @RequestParam(required = false) String view,
                                @RequestParam(required = false) String dateFrom,
                                @RequestParam(required = false) String dateTo,
                                @RequestParam(required = false) String sessionId,
                                @RequestParam(required = false) String telephonySessionId,
                                @RequestParam(required = false) String page,
                                @RequestParam(required = false) String perPage,
                                @RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                                HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        Extension extension = AccessScope.ownExtension(directory, extensionId, session);
        Instant now = platform.clock().instant();
        CallLogQuery query = CallLogQuery.parse(direction, type, view, dateFrom, dateTo, sessionId,
                telephonySessionId, null, page, perPage, now);
        List<SimulatedCall> matching = platform.callBook().logged(platform.settings().callLogDelay()).stream()
                .filter(c -> c.extension().equals(extension))
                .filter(query.filter()).toList();
        return assembler.page(matching, query, request, directory,
                "/account/" + directory.accountId() + "/extension/" + extension.id() + "/call-log", false, now);
    }

    /** One record, where a listed record's {@code uri} points. Only ended calls past the delay exist here. */
    @GetMapping("/call-log/{callRecordId}")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse.Record companyRecord(@PathVariable String accountId, @PathVariable String callRecordId,
                                         @RequestParam(required = false) String view, HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        return single(callRecordId, view, c -> true, request, directory,
                "/account/" + directory.accountId() + "/call-log");
    }

    @GetMapping("/extension/{extensionId}/call-log/{callRecordId}")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse.Record userRecord(@PathVariable String accountId, @PathVariable String extensionId,
                                      @PathVariable String callRecordId,
                                      @RequestParam(required = false) String view,
                                      @RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                                      HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        Extension extension = AccessScope.ownExtension(directory, extensionId, session);
        return single(callRecordId, view, c -> c.extension().equals(extension), request, directory,
                "/account/" + directory.accountId() + "/extension/" + extension.id() + "/call-log");
    }

    @GetMapping("/active-calls")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse companyActiveCalls(@PathVariable String accountId,
                                       @RequestParam(required = false) List<String> direction,
                                       @RequestParam(required = false) List<String> type,
                                       @RequestParam(required = false) String view,
                                       @RequestParam(required = false) String page,
                                       @RequestParam(required = false) String perPage,
                                       HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        CallLogQuery query = CallLogQuery.forActiveCalls(direction, type, view, page, perPage);
        List<SimulatedCall> live = platform.callBook().live().stream().filter(query.filter()).toList();
        return assembler.page(live, query, request, directory, "/account/" + directory.accountId() + "/call-log",
                true, platform.clock().instant());
    }

    @GetMapping("/extension/{extensionId}/active-calls")
    @Throttled(ThrottlingGroup.HEAVY)
    CallLogResponse userActiveCalls(@PathVariable String accountId, @PathVariable String extensionId,
                                    @RequestParam(required = false) List<String> direction,
                                    @RequestParam(required = false) List<String> type,
                                    @RequestParam(required = false) String view,
                                    @RequestParam(required = false) String page,
                                    @RequestParam(required = false) String perPage,
                                    @RequestAttribute(PlatformGateway.SESSION) OAuthSession session,
                                    HttpServletRequest request) {
        Directory directory = AccessScope.account(platform.directory(), accountId);
        Extension extension = AccessScope.ownExtension(directory, extensionId, session);
        CallLogQuery query = CallLogQuery.forActiveCalls(direction, type, view, page, perPage);
        List<SimulatedCall> live = platform.callBook().live().stream()
                .filter(c -> c.extension().equals(extension))
                .filter(query.filter()).toList();
        return assembler.page(live, query, request, directory,
                "/account/" + directory.accountId() + "/extension/" + extension.id() + "/call-log", true,
                platform.clock().instant());
    }

    private CallLogResponse.Record single(String id, String view, Predicate<SimulatedCall> visible,
                                          HttpServletRequest request, Directory directory, String recordPath) {
        CallLogQuery query = CallLogQuery.forActiveCalls(null, null, view, null, null);
        return platform.callBook().logged(platform.settings().callLogDelay()).stream()
                .filter(c -> c.id().equals(id))
                .filter(visible)
                .findFirst()
                .map(c -> assembler.record(c, query.detailed(), request, directory, recordPath, false,
                        platform.clock().instant()))
                .orElseThrow(() -> ApiException.resourceNotFound("callRecordId"));
    }
}
