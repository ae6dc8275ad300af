package io.ringside.domain;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The picker's list as the policy made it: the callers, the window they were chosen from,
 * and how many calls in that window had no usable number (anonymous, masked, internal).
 */
public record CallerList(List<RecentCaller> callers, Duration window, int leftOut) {

    public CallerList {
        callers = List.copyOf(callers);
        Objects.requireNonNull(window, "window");
        if (leftOut < 0) {
            throw new IllegalArgumentException("leftOut cannot be negative");
        }
    }

    public boolean isEmpty() {
        return callers.isEmpty();
    }
}
