package io.ringside.bootstrap.cluster;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Heavy requests (call log, active calls) as the simulator counts them, from every instance together, read every
 * second: the most sent in any 60 seconds is what RingCentral's Heavy limit would judge.
 */
final class HeavyRequestWatch implements AutoCloseable {

    private record Sample(long atNanos, long heavy) {
    }

    private final SimulatedPlatform platform;
    private final List<Sample> samples = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "cluster-heavy-watch");
        thread.setDaemon(true);
        return thread;
    });

    private HeavyRequestWatch(SimulatedPlatform platform) {
        this.platform = platform;
    }

    static HeavyRequestWatch start(SimulatedPlatform platform) {
        HeavyRequestWatch watch = new HeavyRequestWatch(platform);
        watch.timer.scheduleAtFixedRate(watch::sample, 0, 1, TimeUnit.SECONDS);
        return watch;
    }

    private void sample() {
        long heavy = platform.requestCounts().group(ThrottlingGroup.HEAVY);
        synchronized (samples) {
            samples.add(new Sample(System.nanoTime(), heavy));
        }
    }

    /** The most Heavy requests within any 60 s since the start (over less time when the watch ran shorter). */
    long mostInAnyMinute() {
        List<Sample> all;
        synchronized (samples) {
            all = List.copyOf(samples);
        }
        long most = 0;
        int from = 0;
        for (int to = 0; to < all.size(); to++) {
            while (all.get(to).atNanos() - all.get(from).atNanos() > TimeUnit.SECONDS.toNanos(60)) {
                from++;
            }
            most = Math.max(most, all.get(to).heavy() - all.get(from).heavy());
        }
        return most;
    }

    long total() {
        synchronized (samples) {
            return samples.isEmpty() ? 0 : samples.getLast().heavy() - samples.getFirst().heavy();
        }
    }

    Duration watched() {
        synchronized (samples) {
            return samples.isEmpty() ? Duration.ZERO : Duration.ofNanos(samples.getLast().atNanos() - samples.getFirst().atNanos());
        }
    }

    @Override
    public void close() {
        sample();
        timer.shutdownNow();
    }
}
