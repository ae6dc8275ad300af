package io.ringside.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Slows down guessing from one client address, whatever usernames it tries: at most a number of failed
 * logins in a sliding window (default 20 in 10 minutes); beyond that the address waits until its oldest
 * failure leaves the window. Memory is bounded: the addresses heard from least recently are forgotten
 * first. Requests without an address share one bucket.
 */
public final class AddressThrottle {

    public static final int DEFAULT_MAX_FAILURES = 20;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);
    public static final int DEFAULT_MAX_ADDRESSES = 10_000;
    private static final String NO_ADDRESS = "";

    private final int maxFailures;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures;

    public AddressThrottle() {
        this(DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_MAX_ADDRESSES);
    }

    public AddressThrottle(int maxFailures, Duration window, int maxAddresses) {
        if (maxFailures < 1 || maxAddresses < 1) {
            throw new IllegalArgumentException("A throttle allows at least one failure and remembers at least one address");
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A throttle's window must last a while, not " + window);
        }
        this.maxFailures = maxFailures;
        this.window = window;
        this.failures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
                return size() > maxAddresses;
            }
        };
    }

    /** Whether attempts from {@code address} are refused at {@code now}. */
    public synchronized boolean isThrottled(String address, Instant now) {
        Deque<Instant> recent = recent(key(address), now);
        return recent != null && recent.size() >= maxFailures;
    }

    /** A failed attempt from {@code address}. Attempts refused while throttled are not counted, so the wait ends. */
    public synchronized void failed(String address, Instant now) {
        String key = key(address);
        Deque<Instant> recent = recent(key, now);
        if (recent == null) {
            recent = new ArrayDeque<>();
            failures.put(key, recent);
        }
        if (recent.size() < maxFailures) {
            recent.addLast(now);
        }
    }

    /** The failures of {@code key} still inside the window at {@code now}, or null when none. */
    private Deque<Instant> recent(String key, Instant now) {
        Deque<Instant> recent = failures.get(key);
        if (recent == null) {
            return null;
        }
        Instant windowStart = now.minus(window);
        while (!recent.isEmpty() && !recent.peekFirst().isAfter(windowStart)) {
            recent.removeFirst();
        }
        if (recent.isEmpty()) {
            failures.remove(key);
            return null;
        }
        return recent;
    }

    private static String key(String address) {
        return address == null ? NO_ADDRESS : address.strip();
    }
}
