package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.InstanceRegistry;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The heartbeats of a single instance, kept in memory: the same answers as the table, for one process. */
public final class InMemoryInstanceRegistry implements InstanceRegistry {

    private final Map<String, Instance> byId = new ConcurrentHashMap<>();

    @Override
    public void heartbeat(Instance instance) {
        byId.put(instance.id(), instance);
    }

    @Override
    public List<Instance> seenSince(Instant since) {
        return byId.values().stream()
                .filter(instance -> !instance.lastSeen().isBefore(since))
                .sorted(Comparator.comparing(Instance::startedAt).reversed().thenComparing(Instance::id))
                .toList();
    }
}
