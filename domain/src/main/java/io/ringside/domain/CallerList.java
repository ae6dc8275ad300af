package io.ringside.domain;

import java.time.Duration;
import java.util.ArrayList;
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

    /**
     * {@code callers} with the calls at {@code desk} (ringing there or on the line with that person) first,
     * the rest in their order; unchanged when there is no desk.
     */
    public static List<RecentCaller> yoursFirst(List<RecentCaller> callers, ExtensionLink desk) {
        if (desk == null || callers.stream().noneMatch(caller -> caller.isAt(desk))) {
            return callers;
        }
        List<RecentCaller> ordered = new ArrayList<>(callers.size());
        callers.stream().filter(caller -> caller.isAt(desk)).forEach(ordered::add);
        callers.stream().filter(caller -> !caller.isAt(desk)).forEach(ordered::add);
        return List.copyOf(ordered);
    }
}
