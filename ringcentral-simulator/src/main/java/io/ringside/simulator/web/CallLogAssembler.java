package io.ringside.simulator.web;

import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Party;
import io.ringside.simulator.calls.SimulatedCall;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Turns simulated calls into RingCentral call-log JSON: one page of records with paging and navigation. */
@Component
class CallLogAssembler {

    private final Links links;

    CallLogAssembler(Links links) {
        this.links = links;
    }

    /**
     * @param recordPath where a record lives under {@code /restapi/v1.0}, without the id, e.g.
     *                   {@code /account/37439510/extension/62264425001/call-log}
     * @param live       active calls: result "In Progress", duration so far
     */
    CallLogResponse page(List<SimulatedCall> matching, CallLogQuery query, HttpServletRequest request,
                         Directory directory, String recordPath, boolean live, Instant now) {
        int total = matching.size();
        int perPage = query.perPage();
        int totalPages = (total + perPage - 1) / perPage;
        int page = query.page();
        int from = Math.min((page - 1) * perPage, total);
        int to = Math.min(from + perPage, total);
        List<CallLogResponse.Record> records = matching.subList(from, to).stream()
                .map(call -> record(call, query.detailed(), request, directory, recordPath, live, now))
                .toList();

        CallLogResponse.Navigation navigation = new CallLogResponse.Navigation(
                pageUri(request, 1, perPage),
                page < totalPages ? pageUri(request, page + 1, perPage) : null,
                page > 1 ? pageUri(request, Math.min(page - 1, Math.max(totalPages, 1)), perPage) : null,
                totalPages > 0 ? pageUri(request, totalPages, perPage) : null);
        boolean empty = records.isEmpty();
        CallLogResponse.Paging paging = new CallLogResponse.Paging(page, totalPages, perPage, total,
                empty ? null : from, empty ? null : to - 1);
        return new CallLogResponse(links.current(request), records, navigation, paging);
    }

    CallLogResponse.Record record(SimulatedCall call, boolean detailed, HttpServletRequest request,
                                          Directory directory, String recordPath, boolean live, Instant now) {
        Duration duration = call.duration(now);
        String result = live ? "In Progress" : call.result().wireName();
        CallLogResponse.Party from = party(call.from(), directory);
        CallLogResponse.Party to = party(call.to(), directory);
        CallLogResponse.ExtensionRef extension = new CallLogResponse.ExtensionRef(call.extension().id(),
                links.api(request, "/account/" + directory.accountId() + "/extension/" + call.extension().id()));
        boolean internal = call.from().phoneNumber() == null && call.from().extensionNumber() != null;
        String transport = internal ? "VoIP" : "PSTN";
        String internalType = internal ? "Usual" : "Local";
        String viewParam = detailed ? "Detailed" : "Simple";
        List<CallLogResponse.Leg> legs = detailed
                ? List.of(new CallLogResponse.Leg(WireTime.format(call.startTime()), duration.toSeconds(),
                        duration.toMillis(), "Voice", "Inbound", "Phone Call", result, to, from, extension,
                        "Accept", true, call.telephonySessionId()))
                : null;
        return new CallLogResponse.Record(
                links.api(request, recordPath + "/" + call.id()) + "?view=" + viewParam,
                call.id(),
                call.sessionId(),
                call.telephonySessionId(),
                WireTime.format(call.startTime()),
                duration.toSeconds(),
                duration.toMillis(),
                "Voice",
                internalType,
                "Inbound",
                "Phone Call",
                result,
                to,
                from,
                extension,
                transport,
                detailed ? WireTime.format(live ? now : call.endedAt()) : null,
                detailed ? !live : null,
                legs);
    }

    private static CallLogResponse.Party party(Party party, Directory directory) {
        String extensionId = party.extensionNumber() == null ? null
                : directory.byNumber(party.extensionNumber()).map(e -> Long.toString(e.id())).orElse(null);
        return new CallLogResponse.Party(party.phoneNumber(), party.extensionNumber(), extensionId, party.name(),
                party.location());
    }

    private CallLogResponse.PageUri pageUri(HttpServletRequest request, int page, int perPage) {
        return new CallLogResponse.PageUri(links.page(request, page, perPage));
    }
}
