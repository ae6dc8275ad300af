package io.ringside.application.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** The Ringside instances using this database, each saying every few seconds that it is alive. */
public interface InstanceRegistry {

    /**
     * One instance's latest word.
     *
     * @param ownerSince since when it owns RingCentral, or null
     * @param watchers   how many open intake pages it feeds
     */
    record Instance(String id, String host, Instant startedAt, Instant lastSeen, Instant ownerSince, int watchers) {
        public Instance {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(startedAt, "startedAt");
            Objects.requireNonNull(lastSeen, "lastSeen");
        }
    }

    void heartbeat(Instance instance);

    /** The instances heard from at or after {@code since}, newest start first. */
    List<Instance> seenSince(Instant since);
}
