package io.ringside.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** A sliding-window count of requests: at most {@code limit} in any closed interval of length {@code window} (so the limit+1st is strictly more than a window later). Not thread-safe. */
final class RequestBudget {

    private final int limit;
    private final Duration window;
    private final Deque<Instant> sent = new ArrayDeque<>();

    RequestBudget(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    boolean allows(Instant now) {
        forgetBefore(now);
        return sent.size() < limit;
    }

    void spend(Instant now) {
        sent.addLast(now);
    }

    int usedInWindow(Instant now) {
        forgetBefore(now);
        return sent.size();
    }

    private void forgetBefore(Instant now) {
        Instant windowStart = now.minus(window);
        while (!sent.isEmpty() && sent.peekFirst().isBefore(windowStart)) {
            sent.removeFirst();
        }
    }
}
