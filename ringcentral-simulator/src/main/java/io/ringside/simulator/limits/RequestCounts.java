package io.ringside.simulator.limits;

import java.util.Map;

/**
 * How many requests reached the platform, refused ones included: what a benchmark or a test reads
 * to know what a client really sent, independent of the client's own counters.
 *
 * @param byGroup by throttling group wire name ({@code Heavy}, {@code Light}, {@code Auth}, …)
 * @param byPath  by method and path pattern, e.g. {@code GET /restapi/v1.0/account/{accountId}/call-log}
 */
public record RequestCounts(long total, Map<String, Long> byGroup, Map<String, Long> byPath) {

    public RequestCounts {
        byGroup = Map.copyOf(byGroup);
        byPath = Map.copyOf(byPath);
    }

    public long group(ThrottlingGroup group) {
        return byGroup.getOrDefault(group.wireName(), 0L);
    }

    public long path(String methodAndPattern) {
        return byPath.getOrDefault(methodAndPattern, 0L);
    }
}
