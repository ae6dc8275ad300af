package io.ringside.simulator.push;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The last 10 000 notifications written to sockets, oldest first. Guarded by the hub's lock. */
final class SentLog {
    private static final int LOG_LIMIT = 10_000;

    private final Deque<SentNotification> sent = new ArrayDeque<>();

    void add(SentNotification notification) {
        sent.addLast(notification);
        while (sent.size() > LOG_LIMIT) {
            sent.removeFirst();
        }
    }

    List<SentNotification> all() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }
}
