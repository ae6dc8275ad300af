package io.ringside.bootstrap.cluster;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.service.AuthenticatedRingCentral;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.simulator.SimulatedPlatform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the cluster tests assert and the cluster benchmark prints, measured once here: calls at both instances'
 * views, a lost NOTIFY, forced token expiries with both instances busy, and the owner killed during calls.
 * Calls ring at the simulator's extensions 101, 102 and 103 in turn, each caller with a number of its own.
 */
final class ClusterScenarios {

    private static final List<String> EXTENSIONS = List.of("101", "102", "103");

    private final ClusterHarness cluster;

    ClusterScenarios(ClusterHarness cluster) {
        this.cluster = cluster;
    }

    // ---- a call at both instances ------------------------------------------------------------------------

    /** Ring to first shown at each instance's view, in nanoseconds, per call; a call one view never showed counts there. */
    record Visibility(int calls, long[] ringToVisibleNanos, List<String> neverShown) {
        double millis(int percentile) {
            return percentileMillis(ringToVisibleNanos, percentile);
        }
    }

    /**
     * Rings {@code calls} calls one after another, each until every view showed it (or {@code patience} passed),
     * then ends it.
     */
    Visibility ringAtEveryExtension(List<RingsideInstance> views, int calls, Duration patience) throws InterruptedException {
        SimulatedPlatform platform = cluster.platform();
        List<Long> nanos = new ArrayList<>();
        List<String> neverShown = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            String number = cluster.newNumber();
            String extension = EXTENSIONS.get(i % EXTENSIONS.size());
            long rangAt = System.nanoTime();
            String id = platform.startRingingCall(number, "Caller " + number.substring(number.length() - 4), extension);
            awaitShown(views, List.of(number), patience);
            for (RingsideInstance view : views) {
                Long seen = view.firstSeenNanos(number);
                if (seen == null) {
                    neverShown.add(number + " at " + extension + " on " + view.name);
                } else {
                    nanos.add(seen - rangAt);
                }
            }
            platform.end(id);
            Thread.sleep(300);
        }
        return new Visibility(calls, nanos.stream().mapToLong(Long::longValue).toArray(), neverShown);
    }

    // ---- a lost NOTIFY -----------------------------------------------------------------------------------

    /**
     * @param listenersDropped LISTEN sessions PostgreSQL ended (0 means the scenario did not happen)
     * @param nanos            ring to shown at the follower, for the calls it showed
     */
    record LostNotify(int attempts, int listenersDropped, long[] nanos, List<String> neverShown) {
    }

    /**
     * Ends {@code follower}'s listening session and at once rings a call, whose NOTIFY it therefore cannot receive;
     * it must show the call anyway (it reloads from the table when it listens again), within {@code patience}.
     */
    LostNotify loseNotifications(RingsideInstance follower, int times, Duration patience) throws InterruptedException {
        SimulatedPlatform platform = cluster.platform();
        int dropped = 0;
        List<Long> nanos = new ArrayList<>();
        List<String> neverShown = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            dropped += cluster.dropListener(follower);
            String number = cluster.newNumber();
            long rangAt = System.nanoTime();
            String id = platform.startRingingCall(number, "Unheard " + number.substring(number.length() - 4), EXTENSIONS.get(i % 3));
            awaitShown(List.of(follower), List.of(number), patience);
            Long seen = follower.firstSeenNanos(number);
            if (seen == null) {
                neverShown.add(number);
            } else {
                nanos.add(seen - rangAt);
            }
            platform.end(id);
            Thread.sleep(500);
        }
        return new LostNotify(times, dropped, nanos.stream().mapToLong(Long::longValue).toArray(), neverShown);
    }

    // ---- forced token expiries ---------------------------------------------------------------------------

    /**
     * @param refreshes      token requests the simulator received during the run (each a refresh)
     * @param unanswered     expiries after which no refresh came within 20 s
     * @param tokenRefusals  HTTP 400 answers to token requests (invalid_grant)
     * @param lostConnections instances whose connection was not CONNECTED at the end
     */
    record TokenExpiries(int expiries, long refreshes, int unanswered, long tokenRefusals, List<String> lostConnections,
                         Duration took) {
    }

    /**
     * Both instances busy (calls ringing, each instance reading the company's extensions every 4 s, the admin page's
     * request with the stored token), the simulator expires every access token {@code times} times: after each, the
     * next request meets a 401 and one refresh must follow.
     */
    TokenExpiries expireTokens(List<RingsideInstance> instances, int times) throws InterruptedException {
        SimulatedPlatform platform = cluster.platform();
        long startedAt = System.nanoTime();
        long refusalsBefore = cluster.simulator().probe().tokenRefusals();
        long tokensBefore = tokenRequests();
        int unanswered = 0;
        try (Busy busy = new Busy(instances)) {
            for (int i = 0; i < times; i++) {
                long before = tokenRequests();
                platform.expireAccessTokens();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (tokenRequests() == before && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                if (tokenRequests() == before) {
                    unanswered++;
                }
                // Time for a second, needless refresh to show up before the next expiry.
                Thread.sleep(1500);
            }
        }
        Thread.sleep(3000);
        List<String> lost = new ArrayList<>();
        for (RingsideInstance instance : instances) {
            ConnectionView view = instance.bean(ViewConnection.class).view();
            if (view.status() != ConnectionView.Status.CONNECTED) {
                lost.add(instance.name + ": " + view.status() + (view.problem() == null ? "" : " (" + view.problem() + ")"));
            }
        }
        return new TokenExpiries(times, tokenRequests() - tokensBefore, unanswered,
                cluster.simulator().probe().tokenRefusals() - refusalsBefore, lost, Duration.ofNanos(System.nanoTime() - startedAt));
    }

    private long tokenRequests() {
        return cluster.platform().requestCounts().byPath().entrySet().stream()
                .filter(e -> e.getKey().startsWith("POST ") && e.getKey().endsWith("/oauth/token"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /**
     * Calls ringing every 2 s at the extensions in turn, and each instance asking RingCentral for the connected
     * extension's live calls every 3 s (a REST request with the stored token; push alone sends none, and the
     * extension list is cached): so every expiry meets a 401 within seconds, at the owner and at the follower.
     * 2 × 20 a minute stays within the Light group's 50.
     */
    private final class Busy implements AutoCloseable {
        private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
            Thread thread = new Thread(r, "cluster-busy");
            thread.setDaemon(true);
            return thread;
        });

        Busy(List<RingsideInstance> instances) {
            CallRinger ringer = new CallRinger(cluster, timer);
            timer.scheduleWithFixedDelay(ringer::ringOne, 0, 2, TimeUnit.SECONDS);
            for (int i = 0; i < instances.size(); i++) {
                AuthenticatedRingCentral ringCentral = instances.get(i).bean(AuthenticatedRingCentral.class);
                timer.scheduleWithFixedDelay(() -> {
                    try {
                        ringCentral.liveCalls();
                    } catch (RuntimeException unavailableMeanwhile) {
                        // the admin page would say so; what counts here is what the simulator saw
                    }
                }, 500L + 1500L * i, 3000, TimeUnit.MILLISECONDS);
            }
        }

        /** No new calls or reads; calls already ringing still end on time. */
        @Override
        public void close() {
            timer.shutdown();
        }
    }

    // ---- the owner killed ---------------------------------------------------------------------------------

    /**
     * @param takeover from the kill to another instance holding the lock; null if none did within 35 s
     * @param calls    calls rung from 3 s before the kill to 5 s after the takeover
     */
    record Takeover(String killed, String newOwner, Duration takeover, int calls, List<String> neverShown) {
    }

    /**
     * Calls ring every second (each ends missed after 3 s, so some ring and end while nobody owns RingCentral:
     * only the call log can bring those back); the owner dies 3 s in. Every call must reach every surviving view
     * within {@code patience} after the ringing stopped.
     */
    Takeover killTheOwner(Duration patience) throws InterruptedException {
        String killedName = cluster.owner().orElseThrow(() -> new IllegalStateException("Nobody owns RingCentral"));
        RingsideInstance killed = cluster.instance(killedName);
        ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, r -> {
            Thread thread = new Thread(r, "cluster-takeover-calls");
            thread.setDaemon(true);
            return thread;
        });
        CallRinger ringer = new CallRinger(cluster, timer);
        Optional<String> newOwner;
        long killedAt;
        long takenOverAt;
        try {
            timer.scheduleWithFixedDelay(ringer::ringOne, 0, 1, TimeUnit.SECONDS);
            Thread.sleep(3000);
            killedAt = System.nanoTime();
            cluster.killAbruptly(killed);
            newOwner = cluster.awaitOwnerOtherThan(killedName, Duration.ofSeconds(35));
            takenOverAt = System.nanoTime();
            Thread.sleep(5000);
        } finally {
            timer.shutdown();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        }
        Duration takeover = newOwner.isPresent() ? Duration.ofNanos(takenOverAt - killedAt) : null;
        List<RingsideInstance> survivors = cluster.running();
        awaitShown(survivors, ringer.numbers(), patience);
        List<String> neverShown = new ArrayList<>();
        for (String number : ringer.numbers()) {
            for (RingsideInstance view : survivors) {
                if (!view.hasShown(number)) {
                    neverShown.add(number + " on " + view.name);
                }
            }
        }
        return new Takeover(killedName, newOwner.orElse(null), takeover, ringer.numbers().size(), neverShown);
    }

    // ---- shared ---------------------------------------------------------------------------------------------

    private static void awaitShown(List<RingsideInstance> views, List<String> numbers, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (views.stream().allMatch(v -> numbers.stream().allMatch(v::hasShown))) {
                return;
            }
            Thread.sleep(10);
        }
    }

    static double percentileMillis(long[] nanos, int percentile) {
        if (nanos.length == 0) {
            return Double.NaN;
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    /** Rings one call at a time at the extensions in turn; each ends missed 3 s later. */
    static final class CallRinger {
        private final ClusterHarness cluster;
        private final ScheduledExecutorService timer;
        private final List<String> numbers = new ArrayList<>();

        CallRinger(ClusterHarness cluster, ScheduledExecutorService timer) {
            this.cluster = cluster;
            this.timer = timer;
        }

        void ringOne() {
            String number = cluster.newNumber();
            String extension;
            synchronized (numbers) {
                extension = EXTENSIONS.get(numbers.size() % EXTENSIONS.size());
                numbers.add(number);
            }
            String id = cluster.platform().startRingingCall(number, "Caller " + number.substring(number.length() - 4), extension);
            timer.schedule(() -> {
                try {
                    cluster.platform().end(id);
                } catch (RuntimeException alreadyGone) {
                    // the simulator forgot it meanwhile
                }
            }, 3, TimeUnit.SECONDS);
        }

        List<String> numbers() {
            synchronized (numbers) {
                return List.copyOf(numbers);
            }
        }
    }
}
