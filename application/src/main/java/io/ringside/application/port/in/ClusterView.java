package io.ringside.application.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The instances as the admin page shows them.
 *
 * @param thisInstance  the instance answering
 * @param shared        whether several instances can share the database (PostgreSQL); on H2 Ringside runs alone
 * @param ownerInstance the instance that handles RingCentral, or null when none is seen
 * @param ownerSince    since when it does, or null
 * @param seen          the instances heard from lately, newest start first
 */
public record ClusterView(String thisInstance, boolean shared, String ownerInstance, Instant ownerSince, List<Instance> seen) {

    public ClusterView {
        Objects.requireNonNull(thisInstance, "thisInstance");
        seen = List.copyOf(seen);
    }

    /**
     * One instance.
     *
     * @param host     the machine it runs on, or null
     * @param owner    whether it handles RingCentral
     * @param watchers how many intake pages it has open
     */
    public record Instance(String id, String host, Instant startedAt, Instant lastSeen, boolean owner, int watchers) {
        public Instance {
            Objects.requireNonNull(id, "id");
        }
    }

    /** The instance that handles RingCentral, when it is among those seen. */
    public Optional<Instance> owner() {
        return seen.stream().filter(Instance::owner).findFirst();
    }
}
