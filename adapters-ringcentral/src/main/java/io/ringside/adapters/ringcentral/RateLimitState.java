package io.ringside.adapters.ringcentral;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A read-only picture of Ringside's RingCentral request budget, for the admin page.
 *
 * @param asOf   when the picture was taken
 * @param groups one entry per rate-limit group, in {@link RateLimitGroup} order
 */
public record RateLimitState(Instant asOf, List<GroupState> groups) {

    public RateLimitState {
        Objects.requireNonNull(asOf, "asOf");
        groups = List.copyOf(groups);
    }

    public GroupState of(RateLimitGroup group) {
        return groups.stream().filter(state -> state.group() == group).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No state for " + group));
    }

    /** Why a group sends nothing at the moment. */
    public enum BlockReason {
        /** RingCentral answered 429: it restarts its penalty if anything is sent before it ends. */
        RINGCENTRAL_PENALTY,
        /** RingCentral said {@code X-Rate-Limit-Remaining: 0}. */
        RINGCENTRAL_BUDGET_USED,
        /** Ringside's own count reached the group's limit in the window. */
        LOCAL_BUDGET_USED
    }

    /**
     * @param limit        requests allowed per window (setting)
     * @param sentInWindow requests sent in the last window
     * @param blockedUntil when the group may send again, or null when it may send now
     * @param blockReason  why it is blocked, or null when it is not
     */
    public record GroupState(RateLimitGroup group, int limit, int sentInWindow, Instant blockedUntil, BlockReason blockReason) {

        public GroupState {
            Objects.requireNonNull(group, "group");
            if ((blockedUntil == null) != (blockReason == null)) {
                throw new IllegalArgumentException("A blocked group says until when and why; an open one says neither");
            }
        }

        public boolean isBlocked() {
            return blockedUntil != null;
        }
    }
}
