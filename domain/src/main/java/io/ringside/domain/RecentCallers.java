package io.ringside.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy that turns RingCentral's calls into the picker's list:
 * <ul>
 *   <li>inbound calls only, started inside the window (default 60 min, 5–240 allowed);</li>
 *   <li>records of the same phone call (same telephony session) count once, in their latest state;</li>
 *   <li>one row per number: the latest call wins, with how many calls the number made in the window;</li>
 *   <li>calls with no usable number are left out but counted;</li>
 *   <li>ringing rows first, then on-call rows, then the rest; newest first within each.</li>
 * </ul>
 */
public record RecentCallers(Duration window) {

    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(60);
    public static final Duration SHORTEST_WINDOW = Duration.ofMinutes(5);
    public static final Duration LONGEST_WINDOW = Duration.ofMinutes(240);

    private static final Comparator<RecentCaller> PICKER_ORDER = Comparator
            .comparingInt((RecentCaller row) -> switch (row.state()) {
                case RINGING -> 0;
                case CONNECTED -> 1;
                default -> 2;
            })
            .thenComparing(RecentCaller::lastCallAt, Comparator.reverseOrder());

    public RecentCallers {
        Objects.requireNonNull(window, "window");
        if (window.compareTo(SHORTEST_WINDOW) < 0 || window.compareTo(LONGEST_WINDOW) > 0) {
            throw new IllegalArgumentException("The recent-callers window must be between "
                    + SHORTEST_WINDOW.toMinutes() + " and " + LONGEST_WINDOW.toMinutes()
                    + " minutes, not " + window.toMinutes());
        }
    }

    public static RecentCallers withDefaultWindow() {
        return new RecentCallers(DEFAULT_WINDOW);
    }

    /** The earliest start time a call may have to be in the list at {@code now}. */
    public Instant windowStart(Instant now) {
        return now.minus(window);
    }

    public CallerList select(Collection<InboundCall> calls, Instant now) {
        Instant windowStart = windowStart(now);
        Map<String, InboundCall> latestRecordPerCall = new LinkedHashMap<>();
        for (InboundCall call : calls) {
            if (call.isInbound() && !call.startTime().isBefore(windowStart)) {
                latestRecordPerCall.merge(call.sessionKey(), call, InboundCall::mergedWith);
            }
        }

        int leftOut = 0;
        Map<PhoneNumber, List<InboundCall>> callsPerNumber = new LinkedHashMap<>();
        for (InboundCall call : latestRecordPerCall.values()) {
            if (call.from() instanceof Caller caller) {
                callsPerNumber.computeIfAbsent(caller.number(), number -> new ArrayList<>()).add(call);
            } else {
                leftOut++;
            }
        }

        List<RecentCaller> rows = new ArrayList<>(callsPerNumber.size());
        for (List<InboundCall> callsOfOneNumber : callsPerNumber.values()) {
            InboundCall latest = callsOfOneNumber.stream()
                    .max(Comparator.comparing(InboundCall::startTime))
                    .orElseThrow();
            Caller caller = withBestKnownName((Caller) latest.from(), callsOfOneNumber);
            rows.add(new RecentCaller(caller, latest.startTime(), latest.state(),
                    callsOfOneNumber.size(), latest.telephonySessionId(), latest.answeredBy(), latest.ringingAt()));
        }
        rows.sort(PICKER_ORDER);
        return new CallerList(rows, window, leftOut);
    }

    /** The latest call may come without a name (e.g. from presence) while an earlier one had it. */
    private static Caller withBestKnownName(Caller latest, List<InboundCall> callsOfOneNumber) {
        if (latest.name() != null) {
            return latest;
        }
        return callsOfOneNumber.stream()
                .sorted(Comparator.comparing(InboundCall::startTime, Comparator.reverseOrder()))
                .map(call -> call.from().name())
                .filter(Objects::nonNull)
                .findFirst()
                .map(name -> new Caller(latest.number(), name))
                .orElse(latest);
    }
}
