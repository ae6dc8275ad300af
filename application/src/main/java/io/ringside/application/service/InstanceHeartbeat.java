package io.ringside.application.service;

import io.ringside.application.port.out.InstanceRegistry;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's word to the others, every few seconds (bootstrap calls {@link #beat()} every 5 s): alive, since
 * when it owns RingCentral if it does, and how many intake pages it feeds — so the owner polls while someone
 * watches anywhere, and the admin page lists the instances.
 */
public final class InstanceHeartbeat {

    private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());

    private final InstanceRegistry registry;
    private final Ownership ownership;
    private final Watchers watchers;
    private final String instanceId;
    private final String host;
    private final Clock clock;
    private final Instant startedAt;
    /** Guarded by this. */
    private boolean failing;

    public InstanceHeartbeat(InstanceRegistry registry, Ownership ownership, Watchers watchers, String instanceId,
                             String host, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.watchers = Objects.requireNonNull(watchers, "watchers");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.host = host;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.startedAt = clock.instant();
    }

    public synchronized void beat() {
        try {
            registry.heartbeat(new InstanceRegistry.Instance(instanceId, host, startedAt, clock.instant(),
                    ownership.ownerSince(), watchers.count()));
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot tell the other instances that this one is alive; trying again", e);
            }
        }
    }
}
