package io.ringside.simulator.limits;

import io.ringside.simulator.settings.SimulatorSettings.RateLimits;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * RingCentral's user-level limits: per (app, user) and group, a sliding window of accepted requests.
 * A request over the limit is refused and starts a penalty; any request during the penalty is
 * refused too and restarts it, so a client that keeps knocking stays locked out.
 */
public final class RateLimiter {

    private final Clock clock;
    private final Map<Key, Bucket> buckets = new HashMap<>();

    private record Key(String caller, ThrottlingGroup group) {
    }

    private static final class Bucket {
        final Deque<Instant> accepted = new ArrayDeque<>();
        Instant penaltyUntil;
    }

    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param caller who is counted: app and user (token owner), e.g. {@code clientId/ownerId}
     */
    public synchronized RateDecision admit(String caller, ThrottlingGroup group, RateLimits limits) {
        Instant now = clock.instant();
        int limit = group.limitIn(limits);
        Bucket bucket = buckets.computeIfAbsent(new Key(caller, group), k -> new Bucket());
        Instant windowStart = now.minus(limits.window());
        while (!bucket.accepted.isEmpty() && !bucket.accepted.peekFirst().isAfter(windowStart)) {
            bucket.accepted.removeFirst();
        }
        boolean penalised = bucket.penaltyUntil != null && now.isBefore(bucket.penaltyUntil);
        if (penalised || bucket.accepted.size() >= limit) {
            bucket.penaltyUntil = now.plus(limits.penalty());
            return new RateDecision(false, group, limit, 0, limits.window(), limits.penalty());
        }
        bucket.accepted.addLast(now);
        return new RateDecision(true, group, limit, limit - bucket.accepted.size(), limits.window(), null);
    }

    public synchronized void clear() {
        buckets.clear();
    }
}
