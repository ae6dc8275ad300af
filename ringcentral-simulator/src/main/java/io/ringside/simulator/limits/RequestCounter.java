package io.ringside.simulator.limits;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts every request the platform receives, per throttling group and per endpoint. */
public final class RequestCounter {

    private final Map<String, LongAdder> byGroup = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public void record(ThrottlingGroup group, String methodAndPattern) {
        total.increment();
        byGroup.computeIfAbsent(group.wireName(), k -> new LongAdder()).increment();
        byPath.computeIfAbsent(methodAndPattern, k -> new LongAdder()).increment();
    }

    public RequestCounts snapshot() {
        return new RequestCounts(total.sum(), sums(byGroup), sums(byPath));
    }

    public void clear() {
        total.reset();
        byGroup.clear();
        byPath.clear();
    }

    private static Map<String, Long> sums(Map<String, LongAdder> counters) {
        Map<String, Long> result = new TreeMap<>();
        counters.forEach((key, adder) -> result.put(key, adder.sum()));
        return result;
    }
}
