package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.adapters.ringcentral.RateLimitState.BlockReason;
import io.ringside.adapters.ringcentral.RateLimitState.GroupState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Ringside's side of RingCentral's rate limits, one budget per group. RingCentral counts requests
 * in a <em>sliding</em> 60 s window, so this keeps the send times of the last window (a fixed-period
 * token bucket would let twice the limit through across a period boundary). A refused request is
 * refused at once with the instant it could go, never by blocking the caller's thread.
 * Time comes from the injected clock, so penalties can be tested without waiting.
 */
final class RateLimits {

    private final Clock clock;
    private final Duration window;
    private final Map<RateLimitGroup, Budget> budgets = new EnumMap<>(RateLimitGroup.class);

    RateLimits(RingCentralSettings settings, Clock clock) {
        this.clock = clock;
        this.window = settings.rateLimitWindow();
        for (RateLimitGroup group : RateLimitGroup.values()) {
            budgets.put(group, new Budget(settings.limitOf(group)));
        }
    }

    /** Takes one request from the group's budget, or throws when the group must not send now. */
    synchronized void acquire(RateLimitGroup group) {
        acquire(group, 0);
    }

    /**
     * Takes one request from the group's budget only if {@code reserve} more would still be left, for
     * requests that can wait (a push reconnect) so that those that cannot (a token refresh) still go.
     */
    synchronized void acquire(RateLimitGroup group, int reserve) {
        Instant now = clock.instant();
        Budget budget = budgets.get(group);
        budget.forgetBefore(now.minus(window));
        Block block = budget.blockAt(now, window);
        if (block != null) {
            throw new RingCentralRateLimitedException(group.wireName(), block.until());
        }
        int usable = Math.max(1, budget.limit - reserve);
        if (budget.sent.size() >= usable) {
            // The oldest requests must leave the window until only `usable - 1` remain in it.
            Instant frees = budget.sent.stream().skip(budget.sent.size() - usable).findFirst().orElse(now).plus(window);
            throw new RingCentralRateLimitedException(group.wireName(), frees);
        }
        budget.sent.addLast(now);
    }

    /** RingCentral answered 429: send nothing of this group until {@code until} (it restarts the penalty otherwise). */
    synchronized void penalise(RateLimitGroup group, Instant until) {
        Budget budget = budgets.get(group);
        budget.penaltyUntil = later(budget.penaltyUntil, until);
    }

    /** RingCentral said the group's budget is used up ({@code X-Rate-Limit-Remaining: 0}) for up to {@code window}. */
    synchronized void exhaustedFor(RateLimitGroup group, Duration serverWindow) {
        Budget budget = budgets.get(group);
        budget.exhaustedUntil = later(budget.exhaustedUntil, clock.instant().plus(serverWindow));
    }

    synchronized RateLimitState snapshot() {
        Instant now = clock.instant();
        List<GroupState> groups = new ArrayList<>();
        budgets.forEach((group, budget) -> {
            budget.forgetBefore(now.minus(window));
            Block block = budget.blockAt(now, window);
            groups.add(new GroupState(group, budget.limit, budget.sent.size(),
                    block == null ? null : block.until(), block == null ? null : block.reason()));
        });
        return new RateLimitState(now, groups);
    }

    private static Instant later(Instant current, Instant candidate) {
        return current == null || candidate.isAfter(current) ? candidate : current;
    }

    private record Block(Instant until, BlockReason reason) {
    }

    private static final class Budget {
        final int limit;
        final Deque<Instant> sent = new ArrayDeque<>();
        Instant penaltyUntil;
        Instant exhaustedUntil;

        Budget(int limit) {
            this.limit = limit;
        }

        void forgetBefore(Instant windowStart) {
            while (!sent.isEmpty() && !sent.peekFirst().isAfter(windowStart)) {
                sent.removeFirst();
            }
        }

        /** The block with the latest end wins: that is when the group can really send again. */
        Block blockAt(Instant now, Duration window) {
            Block block = null;
            if (penaltyUntil != null && now.isBefore(penaltyUntil)) {
                block = new Block(penaltyUntil, BlockReason.RINGCENTRAL_PENALTY);
            }
            if (exhaustedUntil != null && now.isBefore(exhaustedUntil) && (block == null || exhaustedUntil.isAfter(block.until()))) {
                block = new Block(exhaustedUntil, BlockReason.RINGCENTRAL_BUDGET_USED);
            }
            if (sent.size() >= limit) {
                Instant permitFrees = sent.peekFirst().plus(window);
                if (block == null || permitFrees.isAfter(block.until())) {
                    block = new Block(permitFrees, BlockReason.LOCAL_BUDGET_USED);
                }
            }
            return block;
        }
    }
}
