package io.ringside.application.service;

import io.ringside.application.port.out.InstanceRegistry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Someone watching on any instance: this instance's own pages, or the open pages another instance reported in
 * its heartbeat ({@link InstanceHeartbeat}) within {@link #SEEN_WITHIN}. The others are asked at most every
 * {@link #RECHECK}, and only while nobody watches here — the feed scheduler asks every second.
 */
public final class ClusterAudience implements Audience {

    private static final Logger LOG = Logger.getLogger(ClusterAudience.class.getName());

    /** Instances beat every 5 s: one not heard from for four beats is gone, and its pages with it. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(20);
    static final Duration RECHECK = Duration.ofSeconds(5);

    private final Watchers watchers;
    private final InstanceRegistry registry;
    private final String instanceId;
    private final Clock clock;

    // Guarded by this.
    private Instant checkedAt;
    private boolean watchedElsewhere;
    private boolean failing;

    public ClusterAudience(Watchers watchers, InstanceRegistry registry, String instanceId, Clock clock) {
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.registry = Objects.requireNonNull(registry, "registry");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public boolean anyoneWatching() {
        return watchers.any() || watchedElsewhere();
    }

    private synchronized boolean watchedElsewhere() {
        Instant now = clock.instant();
        if (checkedAt != null && now.isBefore(checkedAt.plus(RECHECK))) {
            return watchedElsewhere;
        }
        checkedAt = now;
        try {
            watchedElsewhere = registry.seenSince(now.minus(SEEN_WITHIN)).stream()
                    .anyMatch(instance -> !instance.id().equals(instanceId) && instance.watchers() > 0);
            failing = false;
        } catch (RuntimeException e) {
            // Keep the last answer: polling on for a while too long costs less than a page left stale.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read which instances have pages open; keeping the last answer", e);
            }
        }
        return watchedElsewhere;
    }
}
