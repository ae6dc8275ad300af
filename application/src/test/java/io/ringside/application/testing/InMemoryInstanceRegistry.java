package io.ringside.application.testing;

import io.ringside.application.port.out.InstanceRegistry;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The instances' heartbeats, in memory: one row per instance, the latest word kept. */
public final class InMemoryInstanceRegistry implements InstanceRegistry {

    private final Map<String, Instance> rows = new ConcurrentHashMap<>();
    public final AtomicInteger reads = new AtomicInteger();

    @Override
    public void heartbeat(Instance instance) {
        rows.put(instance.id(), instance);
    }

    @Override
    public List<Instance> seenSince(Instant since) {
        reads.incrementAndGet();
        return rows.values().stream()
                .filter(instance -> !instance.lastSeen().isBefore(since))
                .sorted(Comparator.comparing(Instance::startedAt).reversed())
                .toList();
    }

    public Instance row(String id) {
        return rows.get(id);
    }
}
