package io.ringside.application.service;

import io.ringside.application.port.in.ClusterView;
import io.ringside.application.port.in.ViewCluster;
import io.ringside.application.port.out.InstanceRegistry;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The instances seen in the last minute and which of them handles RingCentral, from their heartbeats. When more
 * than one row still says "owner" (an owner that stopped keeps its last row until it ages out), the newest owner
 * is the one: taking over is the only way to become owner later than another.
 */
public final class ClusterStatus implements ViewCluster {

    /** Long enough for a dozen heartbeats to be missed: an instance gone longer is no longer listed. */
    static final Duration SEEN_WITHIN = Duration.ofSeconds(60);

    private final InstanceRegistry registry;
    private final String thisInstanceId;
    private final boolean shared;
    private final Clock clock;

    /**
     * @param shared whether several instances can run on this database (PostgreSQL), not whether they do
     */
    public ClusterStatus(InstanceRegistry registry, String thisInstanceId, boolean shared, Clock clock) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.thisInstanceId = Objects.requireNonNull(thisInstanceId, "thisInstanceId");
        this.shared = shared;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public ClusterView cluster() {
        List<InstanceRegistry.Instance> seen = registry.seenSince(clock.instant().minus(SEEN_WITHIN));
        Optional<InstanceRegistry.Instance> owner = seen.stream()
                .filter(instance -> instance.ownerSince() != null)
                .max(Comparator.comparing(InstanceRegistry.Instance::ownerSince));
        String ownerId = owner.map(InstanceRegistry.Instance::id).orElse(null);
        List<ClusterView.Instance> instances = seen.stream()
                .map(instance -> new ClusterView.Instance(instance.id(), instance.host(), instance.startedAt(),
                        instance.lastSeen(), instance.id().equals(ownerId), instance.watchers()))
                .toList();
        return new ClusterView(thisInstanceId, shared, ownerId,
                owner.map(InstanceRegistry.Instance::ownerSince).orElse(null), instances);
    }
}
