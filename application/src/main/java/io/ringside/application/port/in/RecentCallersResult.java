package io.ringside.application.port.in;

import io.ringside.domain.CallerList;
import io.ringside.domain.RecentCaller;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the Recent callers list shows: the callers, when the data was fetched ({@code asOf}, null if
 * never), whether it is current ({@link FeedStatus}), and how many calls in the window had no
 * usable number. When RingCentral is unavailable or rate limited, the last good list is kept
 * with its age.
 */
public record RecentCallersResult(List<RecentCaller> callers, Duration window, Instant asOf, FeedStatus status, int leftOut) {

    public RecentCallersResult {
        callers = List.copyOf(callers);
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(status, "status");
        if (leftOut < 0) {
            throw new IllegalArgumentException("leftOut cannot be negative");
        }
    }

    public static RecentCallersResult current(CallerList list, Instant asOf) {
        return new RecentCallersResult(list.callers(), list.window(), asOf, new FeedStatus.Ok(), list.leftOut());
    }

    public static RecentCallersResult without(Duration window, FeedStatus status) {
        return new RecentCallersResult(List.of(), window, null, status, 0);
    }

    /** The same callers, no longer current for the given reason. */
    public RecentCallersResult withStatus(FeedStatus newStatus) {
        return new RecentCallersResult(callers, window, asOf, newStatus, leftOut);
    }

    public boolean isEmpty() {
        return callers.isEmpty();
    }
}
