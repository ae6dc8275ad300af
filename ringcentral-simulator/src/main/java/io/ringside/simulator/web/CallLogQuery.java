package io.ringside.simulator.web;

import io.ringside.simulator.calls.SimulatedCall;
import io.ringside.simulator.error.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The call-log query parameters RingCentral accepts, validated the way it does (400 CMN-101 naming
 * the parameter). {@code dateTo} defaults to now and {@code dateFrom} to {@code dateTo} minus 24 hours —
 * a client that leaves it out silently sees only the last day.
 */
record CallLogQuery(
        Set<String> directions,
        Set<String> types,
        boolean detailed,
        Instant dateFrom,
        Instant dateTo,
        String sessionId,
        String telephonySessionId,
        String extensionNumber,
        int page,
        int perPage) {

    static final int DEFAULT_PER_PAGE = 100;
    static final int MAX_PER_PAGE = 1000;

    static CallLogQuery parse(List<String> direction, List<String> type, String view, String dateFrom,
                              String dateTo, String sessionId, String telephonySessionId, String extensionNumber,
                              String page, String perPage, Instant now) {
        Set<String> directions = values(direction, "direction", Set.of("Inbound", "Outbound"));
        Set<String> types = values(type, "type", Set.of("Voice", "Fax"));
        String v = view == null || view.isBlank() ? "Simple" : view;
        if (!v.equals("Simple") && !v.equals("Detailed")) {
            throw ApiException.invalidParameter("view");
        }
        Instant to = blank(dateTo) ? now : WireTime.parse(dateTo, "dateTo");
        Instant from = blank(dateFrom) ? to.minus(Duration.ofHours(24)) : WireTime.parse(dateFrom, "dateFrom");
        return new CallLogQuery(directions, types, v.equals("Detailed"), from, to, emptyToNull(sessionId),
                emptyToNull(telephonySessionId), emptyToNull(extensionNumber), parsePage(page),
                parsePerPage(perPage));
    }

    /** Active calls take the paging and filter parameters but no dates. */
    static CallLogQuery forActiveCalls(List<String> direction, List<String> type, String view, String page,
                                       String perPage) {
        CallLogQuery q = parse(direction, type, view, null, null, null, null, null, page, perPage, Instant.EPOCH);
        return new CallLogQuery(q.directions(), q.types(), q.detailed(), Instant.MIN, Instant.MAX, null, null,
                null, q.page(), q.perPage());
    }

    /** Whether a call matches the filters. The simulator only has inbound voice calls. */
    Predicate<SimulatedCall> filter() {
        return call -> (directions.isEmpty() || directions.contains("Inbound"))
                && (types.isEmpty() || types.contains("Voice"))
                && !call.startTime().isBefore(dateFrom)
                && !call.startTime().isAfter(dateTo)
                && (sessionId == null || sessionId.equals(call.sessionId()))
                && (telephonySessionId == null || telephonySessionId.equals(call.telephonySessionId()))
                && (extensionNumber == null || extensionNumber.equals(call.extension().extensionNumber()));
    }

    /** Shared with the extension list, which takes its enum filters the same way. */
    static Set<String> values(List<String> raw, String name, Set<String> allowed) {
        if (raw == null) {
            return Set.of();
        }
        // Accepts repeated parameters (direction=Inbound&direction=Outbound) and comma lists.
        Set<String> result = new java.util.HashSet<>();
        for (String item : raw) {
            for (String part : item.split(",")) {
                String value = part.strip();
                if (value.isEmpty()) {
                    continue;
                }
                if (!allowed.contains(value)) {
                    throw ApiException.invalidParameter(name);
                }
                result.add(value);
            }
        }
        return Set.copyOf(result);
    }

    static int parsePage(String page) {
        if (blank(page)) {
            return 1;
        }
        try {
            int value = Integer.parseInt(page.strip());
            if (value < 1) {
                throw ApiException.invalidParameter("page");
            }
            return value;
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("page");
        }
    }

    /** 1–1000, {@code max} means 1000, and more than 1000 is cut to 1000 (the contract's words). */
    static int parsePerPage(String perPage) {
        if (blank(perPage)) {
            return DEFAULT_PER_PAGE;
        }
        if (perPage.strip().equals("max")) {
            return MAX_PER_PAGE;
        }
        try {
            long value = Long.parseLong(perPage.strip());
            if (value < 1) {
                throw ApiException.invalidParameter("perPage");
            }
            return (int) Math.min(value, MAX_PER_PAGE);
        } catch (NumberFormatException e) {
            throw ApiException.invalidParameter("perPage");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String emptyToNull(String value) {
        return blank(value) ? null : value.strip();
    }
}
