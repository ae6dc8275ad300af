package io.ringside.bootstrap.benchmark;

import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.service.FeedSettings;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.RequestCounts;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.push.PushStats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The caller-feed benchmark (issues 7 and 10): Ringside's caller feed wired as bootstrap wires it
 * ({@link RingsideFeed}: board, watchers, authenticated RingCentral, push link, call sync, the scheduler's
 * tick every second on its own thread) and the real HTTP and WebSocket adapter, against the RingCentral
 * simulator on a free port with RingCentral's real rate limits and its push gateway.
 *
 * <p>Rows, in one run: push with 1 and with 50 watching views; the polling fallback
 * ({@code FeedSettings.DEFAULT.withPushEnabled(false)}, push off in the adapter too) with the same call
 * pattern; push with three socket drops (two short, one longer than the simulator's recovery timeout,
 * shortened for the run). Calls ring at extension 101 (the connected user) and at 102 and 103 in turn.
 * Ring-to-visible is measured at each watching view: from just before the simulator is told to ring to
 * the view's listener receiving a list that contains the caller. Requests and 429s are counted at the
 * simulator.
 *
 * <pre>./mvnw -Pbenchmark -pl bootstrap -am -DskipTests verify</pre>
 *
 * Knobs (system properties): {@code benchmark.pushWatchers} (1,50), {@code benchmark.pollingWatchers} (50),
 * {@code benchmark.dropWatchers} (50; empty skips a kind of row), {@code benchmark.warmupSeconds} (10),
 * {@code benchmark.measureSeconds} (60; the last push row gets {@code benchmark.longMeasureSeconds}, 130, so that it has
 * push healthy well past the catch-up reads after its subscription), {@code benchmark.dropMeasureSeconds} (130),
 * {@code benchmark.recoveryTimeoutSeconds} (15), {@code benchmark.callLogDelaySeconds} (20, the simulator's
 * default), {@code benchmark.seed} (7).
 */
public final class CallerFeedBenchmark {

    private static final int HISTORY_CALLS = 40;
    private static final double PUSH_P95_TARGET_MS = 250;
    private static final double HEAVY_WHILE_HEALTHY_TARGET = 1.0;
    private static final Duration TIME_BUDGET = Duration.ofMinutes(10);
    private static final Duration SAMPLE_EVERY = Duration.ofMillis(100);
    /**
     * After a fresh push subscription the feed reads the call log to catch up on what push may have missed
     * (when exactly is the feed's business; calls reach the log 15–30 s after they end, so it waits some tens
     * of seconds): healthy push from this long after the last fresh subscription is its steady state.
     */
    private static final Duration STEADY_AFTER_SUBSCRIPTION = Duration.ofSeconds(90);
    /** Less steady time than this is too little to average over. */
    private static final double STEADY_MINIMUM_SECONDS = 30;

    enum Mode {
        PUSH("push"),
        POLLING("polling fallback"),
        PUSH_WITH_DROPS("push, 3 socket drops");

        final String label;

        Mode(String label) {
            this.label = label;
        }

        boolean push() {
            return this != POLLING;
        }
    }

    /**
     * One socket drop: at this many seconds into the measured window, cut every push socket like a network failure;
     * for a long one, the gateway also refuses {@code wstoken} and new sockets for {@code refuse} first.
     */
    record Drop(int atSecond, Duration refuse, String kind) {
    }

    private final SimulatorHarness simulator;
    private final int warmupSeconds;
    private final Duration callLogDelay;
    private final Duration recoveryTimeout;
    private final long seed;

    private CallerFeedBenchmark(SimulatorHarness simulator, int warmupSeconds, Duration callLogDelay, Duration recoveryTimeout,
                                long seed) {
        this.simulator = simulator;
        this.warmupSeconds = warmupSeconds;
        this.callLogDelay = callLogDelay;
        this.recoveryTimeout = recoveryTimeout;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path outDir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        List<Integer> pushWatchers = counts(System.getProperty("benchmark.pushWatchers", "1,50"));
        List<Integer> pollingWatchers = counts(System.getProperty("benchmark.pollingWatchers", "50"));
        List<Integer> dropWatchers = counts(System.getProperty("benchmark.dropWatchers", "50"));
        int warmup = Integer.getInteger("benchmark.warmupSeconds", 10);
        int measure = Integer.getInteger("benchmark.measureSeconds", 60);
        int longMeasure = Integer.getInteger("benchmark.longMeasureSeconds", 130);
        int dropMeasure = Integer.getInteger("benchmark.dropMeasureSeconds", 130);
        Duration recoveryTimeout = Duration.ofSeconds(Integer.getInteger("benchmark.recoveryTimeoutSeconds", 15));
        Duration callLogDelay = Duration.ofSeconds(Integer.getInteger("benchmark.callLogDelaySeconds", 20));
        long seed = Long.getLong("benchmark.seed", 7L);

        String loadBefore = loadAverage();
        List<RowResult> results = new ArrayList<>();
        int exitCode = 0;
        try (SimulatorHarness simulator = SimulatorHarness.start(callLogDelay)) {
            SimulatedPlatform platform = simulator.platform();
            System.out.printf("Simulator on %s (call-log delay %d s; rate limits Heavy %d, Medium %d, Light %d, Auth %d per %d s, penalty %d s;"
                            + " push recovery timeout %d s)%n",
                    simulator.baseUrl(), callLogDelay.toSeconds(), platform.settings().rateLimits().heavy(),
                    platform.settings().rateLimits().medium(), platform.settings().rateLimits().light(),
                    platform.settings().rateLimits().auth(), platform.settings().rateLimits().window().toSeconds(),
                    platform.settings().rateLimits().penalty().toSeconds(), platform.settings().push().recoveryTimeout().toSeconds());
            CallerFeedBenchmark benchmark = new CallerFeedBenchmark(simulator, warmup, callLogDelay, recoveryTimeout, seed);
            for (int i = 0; i < pushWatchers.size(); i++) {
                boolean last = i == pushWatchers.size() - 1;
                results.add(benchmark.run(Mode.PUSH, pushWatchers.get(i), last ? longMeasure : measure, List.of()));
            }
            for (int watchers : pollingWatchers) {
                results.add(benchmark.run(Mode.POLLING, watchers, measure, List.of()));
            }
            for (int watchers : dropWatchers) {
                // The long drop first, the short ones a minute apart: each reconnect costs a wstoken (Auth, 5 a minute,
                // of which the adapter leaves 2 for token refreshes), so a drop less than a minute after another
                // waits for the Auth budget and a short drop would turn into a long one.
                List<Drop> drops = List.of(
                        new Drop(15, recoveryTimeout.plusSeconds(10), "longer than the recovery timeout"),
                        new Drop(Math.max(20, dropMeasure - 55), Duration.ZERO, "short"),
                        new Drop(Math.max(25, dropMeasure - 25), Duration.ZERO, "short"));
                results.add(benchmark.run(Mode.PUSH_WITH_DROPS, watchers, dropMeasure, drops));
            }
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String report = Report.of(results, warmup, callLogDelay, recoveryTimeout, took, loadBefore, loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("caller-feed-benchmark.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        System.out.printf(Locale.ROOT, "Whole benchmark: %d min %02d s%n", took.toMinutes(), took.toSecondsPart());
        System.exit(exitCode);
    }

    // ---- one row ---------------------------------------------------------------------------------------

    private RowResult run(Mode mode, int watchers, int measureSeconds, List<Drop> drops) throws Exception {
        long rowStarted = System.nanoTime();
        String label = mode.label + ", " + watchers + (watchers == 1 ? " view" : " views");
        System.out.printf("-- %s: %d s warm-up, %d s measured%n", label, warmupSeconds, measureSeconds);
        // The same seed for the same number of views: push and polling rows ring the same calls.
        Random random = new Random(seed + watchers);
        simulator.resetWithHistory(HISTORY_CALLS, random);
        SimulatedPlatform platform = simulator.platform();
        Duration recoveryBefore = platform.settings().push().recoveryTimeout();
        if (!drops.isEmpty()) {
            platform.setPushRecoveryTimeout(recoveryTimeout);
        }
        FeedSettings settings = mode.push() ? FeedSettings.DEFAULT : FeedSettings.DEFAULT.withPushEnabled(false);
        List<String> dropLog = new ArrayList<>();
        try (RingsideFeed feed = RingsideFeed.start(simulator, settings);
             CallDriver driver = new CallDriver(platform, random, 1000 + 1000 * mode.ordinal() + watchers, watchers);
             Sampler sampler = new Sampler(platform, feed)) {
            List<WatchRecentCallers.Subscription> views = new ArrayList<>();
            for (int i = 0; i < watchers; i++) {
                int view = i;
                views.add(feed.watchers.watch(list -> driver.received(view, list)));
            }
            Clicks clicks = Clicks.start(watchers, feed);
            sampler.start();
            feed.startTicking();
            driver.start();

            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));
            RequestCounts atStart = platform.requestCounts();
            long measureStart = System.nanoTime();
            clicks.measure(true);
            driver.measure(true);
            long measureEnd = measureStart + TimeUnit.SECONDS.toNanos(measureSeconds);
            Thread dropper = Thread.ofVirtual().name("benchmark-drops")
                    .start(() -> dropSockets(drops, feed, measureStart, measureEnd, dropLog));
            Thread.sleep(TimeUnit.SECONDS.toMillis(measureSeconds));
            driver.measure(false);
            clicks.measure(false);
            RequestCounts atEnd = platform.requestCounts();
            long measuredNanos = System.nanoTime() - measureStart;
            driver.stopRinging();
            dropper.join(TimeUnit.SECONDS.toMillis(measureSeconds));
            // Calls rung at the end of the window run their course; give the call log time to show those that only it can.
            driver.drain(callLogDelay.plus(settings.callLogInterval()).plusSeconds(10).toMillis(), 75_000);
            long drainedNanos = System.nanoTime() - measureStart - measuredNanos;

            sampler.stopSampling();
            clicks.stop();
            views.forEach(WatchRecentCallers.Subscription::close);
            LiveCallsHealth health = feed.push.health();
            PushStats push = platform.pushStats();
            RowResult result = RowResult.of(label, mode, watchers, measureStart, measuredNanos, drainedNanos, atStart, atEnd, platform.requestCounts(),
                    driver.measuredCalls(), sampler, simulator.probe(), push, health, feed.failedTicks.get(), clicks, dropLog,
                    System.nanoTime() - rowStarted);
            System.out.println(Report.latencyRows(result));
            System.out.println(Report.requestRow(result));
            return result;
        } finally {
            if (!drops.isEmpty()) {
                platform.refusePushSockets(Duration.ZERO);
                platform.setPushRecoveryTimeout(recoveryBefore);
            }
        }
    }

    /**
     * Each drop at its planned second of the measured window, or as soon after as push is healthy again (a drop
     * must cut a live link to count as one); a drop that cannot happen before the window ends is reported.
     */
    private void dropSockets(List<Drop> drops, RingsideFeed feed, long measureStart, long measureEnd, List<String> log) {
        SimulatedPlatform platform = simulator.platform();
        try {
            for (Drop drop : drops) {
                long wait = measureStart + TimeUnit.SECONDS.toNanos(drop.atSecond()) - System.nanoTime();
                if (wait > 0) {
                    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
                }
                while (!feed.pushHealthy() && System.nanoTime() < measureEnd) {
                    Thread.sleep(50);
                }
                String line;
                if (!feed.pushHealthy()) {
                    line = String.format(Locale.ROOT, "planned at %d s (%s): not done, push not healthy again before the window ended",
                            drop.atSecond(), drop.kind());
                } else {
                    double at = (System.nanoTime() - measureStart) / 1e9;
                    if (!drop.refuse().isZero()) {
                        platform.refusePushSockets(drop.refuse());
                    }
                    int cut = platform.dropPushSockets();
                    line = String.format(Locale.ROOT, "at %.1f s, %s: %d socket(s) cut%s", at, drop.kind(), cut,
                            drop.refuse().isZero() ? ", gateway open again at once"
                                    : ", wstoken and new sockets refused (503) for " + drop.refuse().toSeconds() + " s");
                }
                synchronized (log) {
                    log.add(line);
                }
                System.out.println("   drop " + line);
            }
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Integer> counts(String list) {
        if (list.isBlank()) {
            return List.of();
        }
        return Arrays.stream(list.split(",")).map(String::strip).map(Integer::parseInt).toList();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    // ---- measuring -------------------------------------------------------------------------------------

    /**
     * Every 100 ms: whether push is healthy (live and covering every extension, as the push link says) and
     * the simulator's request counts. Requests between two samples that both saw push healthy were sent while
     * push was healthy; the time between them counts as healthy time. Outages are the stretches, after push
     * was first healthy, when it was not.
     */
    static final class Sampler implements AutoCloseable {

        record Sample(long nanos, boolean healthy, long heavy, long presence, long subscriptions) {
        }

        private final SimulatedPlatform platform;
        private final RingsideFeed feed;
        private final List<Sample> samples = new ArrayList<>();
        private volatile boolean running = true;
        private Thread thread;

        Sampler(SimulatedPlatform platform, RingsideFeed feed) {
            this.platform = platform;
            this.feed = feed;
        }

        void start() {
            thread = Thread.ofPlatform().daemon().name("benchmark-sampler").start(() -> {
                while (running) {
                    sample();
                    try {
                        Thread.sleep(SAMPLE_EVERY.toMillis());
                    } catch (InterruptedException stopped) {
                        return;
                    }
                }
            });
        }

        private void sample() {
            boolean healthy = feed.pushHealthy();
            RequestCounts counts = platform.requestCounts();
            long subscriptions = platform.pushStats().subscriptionsCreated();
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), healthy, counts.group(ThrottlingGroup.HEAVY), presence(counts), subscriptions));
            }
        }

        void stopSampling() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.interrupt();
                thread.join(5_000);
            }
            sample();
        }

        List<Sample> samples() {
            synchronized (samples) {
                return List.copyOf(samples);
            }
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            if (thread != null) {
                thread.interrupt();
                thread.join(5_000);
            }
        }

        static long presence(RequestCounts counts) {
            return counts.byPath().entrySet().stream().filter(e -> e.getKey().contains("/presence"))
                    .mapToLong(Map.Entry::getValue).sum();
        }
    }

    /** Every view also clicks ({@code list()}) every 2–5 s, each on a virtual thread: a click must cost RingCentral nothing. */
    static final class Clicks {
        private final List<Thread> threads = new ArrayList<>();
        private final ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;
        private volatile boolean measuring;

        static Clicks start(int count, RingsideFeed feed) {
            Clicks clicks = new Clicks();
            for (int i = 0; i < count; i++) {
                clicks.threads.add(Thread.ofVirtual().name("operator-" + i).start(() -> {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 3000));
                        while (clicks.running) {
                            long t0 = System.nanoTime();
                            feed.board.list();
                            long took = System.nanoTime() - t0;
                            if (clicks.measuring) {
                                clicks.nanos.add(took);
                            }
                            Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 5001));
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            return clicks;
        }

        void measure(boolean on) {
            measuring = on;
        }

        void stop() throws InterruptedException {
            running = false;
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }

        long[] sortedNanos() {
            return nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        }
    }

    // ---- results ---------------------------------------------------------------------------------------

    /** Ring-to-visible for the calls at one group of extensions. Latencies are per (call, view) pair that was seen. */
    record GroupResult(String extensions, int calls, long[] ringToVisibleNanos, long pairs, long shownWhileRinging, long shown,
                       long neverShown, long pairsNeverSeen) {

        static GroupResult of(String extensions, List<CallDriver.Call> calls, int views) {
            List<Long> latencies = new ArrayList<>();
            long shownWhileRinging = 0;
            long shown = 0;
            long pairsNeverSeen = 0;
            for (CallDriver.Call call : calls) {
                if (call.seenByAnyView()) {
                    shown++;
                    if (call.ringingWhenFirstSeen) {
                        shownWhileRinging++;
                    }
                }
                for (int v = 0; v < views; v++) {
                    long after = call.seenAfter.get(v);
                    if (after == 0) {
                        pairsNeverSeen++;
                    } else {
                        latencies.add(after);
                    }
                }
            }
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new GroupResult(extensions, calls.size(), sorted, (long) calls.size() * views, shownWhileRinging, shown,
                    calls.size() - shown, pairsNeverSeen);
        }

        double millis(double percentile) {
            return percentile(ringToVisibleNanos, percentile) / 1e6;
        }
    }

    record RowResult(String label, Mode mode, int watchers, double measuredSeconds, double drainSeconds, double rowSeconds,
                     List<GroupResult> groups,
                     double heavyPerMinute, double mediumPerMinute, double lightPerMinute, double authPerMinute,
                     long heavy429, long medium429, long light429, long auth429, long subscriptionsNotAccepted,
                     double healthySeconds, long presenceWhileHealthy, long heavyWhileHealthy, double steadySeconds,
                     long heavyWhileSteady, long freshSubscriptions, List<String> outages,
                     int reconnects, int recoveries, PushStats push, String pushMode, int failedTicks,
                     long[] clickNanos, List<String> drops, List<String> neverShown) {

        static RowResult of(String label, Mode mode, int watchers, long measureStart, long measuredNanos, long drainNanos, RequestCounts atStart,
                            RequestCounts atEnd, RequestCounts atClose, List<CallDriver.Call> calls, Sampler sampler,
                            SimulatorHarness.StatusProbe probe, PushStats push, LiveCallsHealth health, int failedTicks,
                            Clicks clicks, List<String> drops, long rowNanos) {
            double minutes = measuredNanos / 60e9;
            List<GroupResult> groups = List.of(
                    GroupResult.of(CallDriver.CONNECTED_EXTENSION + " (connected user)",
                            calls.stream().filter(CallDriver.Call::atConnectedExtension).toList(), watchers),
                    GroupResult.of("102, 103 (other extensions)",
                            calls.stream().filter(c -> !c.atConnectedExtension()).toList(), watchers));

            List<Sampler.Sample> samples = sampler.samples();
            long healthyNanos = 0;
            long presenceWhileHealthy = 0;
            long heavyWhileHealthy = 0;
            long steadyNanos = 0;
            long heavyWhileSteady = 0;
            long freshSubscriptions = 0;
            long lastFreshSubscription = samples.isEmpty() ? 0 : samples.getFirst().nanos();
            List<String> outages = new ArrayList<>();
            boolean everHealthy = false;
            long outageStart = -1;
            for (int i = 1; i < samples.size(); i++) {
                Sampler.Sample before = samples.get(i - 1);
                Sampler.Sample now = samples.get(i);
                if (before.healthy() && now.healthy()) {
                    healthyNanos += now.nanos() - before.nanos();
                    presenceWhileHealthy += now.presence() - before.presence();
                    heavyWhileHealthy += now.heavy() - before.heavy();
                    if (before.nanos() - lastFreshSubscription >= STEADY_AFTER_SUBSCRIPTION.toNanos()) {
                        steadyNanos += now.nanos() - before.nanos();
                        heavyWhileSteady += now.heavy() - before.heavy();
                    }
                }
                if (now.subscriptions() > before.subscriptions()) {
                    freshSubscriptions += now.subscriptions() - before.subscriptions();
                    lastFreshSubscription = now.nanos();
                }
                everHealthy |= before.healthy();
                if (everHealthy && before.healthy() && !now.healthy()) {
                    outageStart = before.nanos();
                }
                if (outageStart >= 0 && now.healthy()) {
                    outages.add(String.format(Locale.ROOT, "%.1f s from %.1f s", (now.nanos() - outageStart) / 1e9,
                            (outageStart - measureStart) / 1e9));
                    outageStart = -1;
                }
            }
            if (outageStart >= 0) {
                outages.add(String.format(Locale.ROOT, "from %.1f s, not healthy again by the end", (outageStart - measureStart) / 1e9));
            }
            List<String> neverShown = calls.stream().filter(c -> !c.seenByAnyView())
                    .map(c -> String.format(Locale.ROOT, "at %s rang %.1f s, %s", c.extension, (c.rangAtNanos - measureStart) / 1e9,
                            c.ended() ? String.format(Locale.ROOT, "ended %.1f s", (c.endedAtNanos - measureStart) / 1e9) : "still live"))
                    .toList();
            long subscriptionRequests = atClose.byPath().entrySet().stream()
                    .filter(e -> e.getKey().startsWith("POST ") && e.getKey().contains("/subscription"))
                    .mapToLong(Map.Entry::getValue).sum();
            return new RowResult(label, mode, watchers, measuredNanos / 1e9, drainNanos / 1e9, rowNanos / 1e9, groups,
                    delta(atStart, atEnd, ThrottlingGroup.HEAVY) / minutes,
                    delta(atStart, atEnd, ThrottlingGroup.MEDIUM) / minutes,
                    delta(atStart, atEnd, ThrottlingGroup.LIGHT) / minutes,
                    delta(atStart, atEnd, ThrottlingGroup.AUTH) / minutes,
                    probe.heavy429.sum(), probe.medium429.sum(), probe.light429.sum(), probe.auth429.sum(),
                    Math.max(0, subscriptionRequests - push.subscriptionsCreated()),
                    healthyNanos / 1e9, presenceWhileHealthy, heavyWhileHealthy, steadyNanos / 1e9, heavyWhileSteady,
                    freshSubscriptions, outages,
                    health.reconnects(), health.recoveries(), push, health.mode().name(), failedTicks,
                    clicks.sortedNanos(), List.copyOf(drops), neverShown);
        }

        private static long delta(RequestCounts a, RequestCounts b, ThrottlingGroup group) {
            return b.group(group) - a.group(group);
        }

        long http429() {
            return heavy429 + medium429 + light429 + auth429;
        }

        long callsNeverShown() {
            return groups.stream().mapToLong(GroupResult::neverShown).sum();
        }

        int calls() {
            return groups.stream().mapToInt(GroupResult::calls).sum();
        }

        double heavyPerMinuteWhileHealthy() {
            return healthySeconds <= 0 ? Double.NaN : heavyWhileHealthy / (healthySeconds / 60);
        }

        double heavyPerMinuteWhileSteady() {
            return steadySeconds <= 0 ? Double.NaN : heavyWhileSteady / (steadySeconds / 60);
        }

        double clickMillis(double percentile) {
            return percentile(clickNanos, percentile) / 1e6;
        }
    }

    /** Nearest rank; NaN when there is nothing to rank. */
    static double percentile(long[] sorted, double percentile) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    // ---- the report ------------------------------------------------------------------------------------

    static final class Report {

        static final String LATENCY_HEADER = """
                | row | views | calls at | calls | ring→visible p50 | p95 | p99 | (call, view) pairs seen | shown while still ringing | calls never shown |
                |---|---:|---|---:|---:|---:|---:|---:|---:|---:|""";

        static final String REQUEST_HEADER = """
                | row | views | Heavy/min | Medium/min | Light/min | Auth/min | 429s at the simulator (H/M/L/A) | subscription requests not accepted | push healthy | presence requests while push healthy | Heavy/min while push healthy, all | Heavy/min while push healthy, steady state | fresh subscriptions | push reconnects (recovered) | `list()` p95 |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

        static String latencyRows(RowResult r) {
            return r.groups().stream().map(g -> String.format(Locale.ROOT, "| %s | %d | %s | %d | %s | %s | %s | %d of %d | %d of %d | %d |",
                    r.label(), r.watchers(), g.extensions(), g.calls(), duration(g.millis(50)), duration(g.millis(95)),
                    duration(g.millis(99)), g.ringToVisibleNanos().length, g.pairs(), g.shownWhileRinging(), g.shown(), g.neverShown()))
                    .collect(Collectors.joining("\n"));
        }

        static String requestRow(RowResult r) {
            boolean push = r.mode().push();
            return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.1f | %d (%d/%d/%d/%d) | %d | %s | %s | %s | %s | %s | %s | %s |",
                    r.label(), r.watchers(), r.heavyPerMinute(), r.mediumPerMinute(), r.lightPerMinute(), r.authPerMinute(),
                    r.http429(), r.heavy429(), r.medium429(), r.light429(), r.auth429(), r.subscriptionsNotAccepted(),
                    push ? String.format(Locale.ROOT, "%.0f of %.0f s", r.healthySeconds(), r.rowSeconds()) : "– (off)",
                    push ? Long.toString(r.presenceWhileHealthy()) : "–",
                    push ? String.format(Locale.ROOT, "%.2f (%d in %.0f s)", r.heavyPerMinuteWhileHealthy(), r.heavyWhileHealthy(),
                            r.healthySeconds()) : "–",
                    !push ? "–" : r.steadySeconds() < STEADY_MINIMUM_SECONDS
                            ? String.format(Locale.ROOT, "– (%d in %.0f s)", r.heavyWhileSteady(), r.steadySeconds())
                            : String.format(Locale.ROOT, "%.2f (%d in %.0f s)", r.heavyPerMinuteWhileSteady(), r.heavyWhileSteady(),
                            r.steadySeconds()),
                    push ? Long.toString(r.freshSubscriptions()) : "–",
                    push ? r.reconnects() + " (" + r.recoveries() + ")" : "–",
                    duration(r.clickMillis(95)));
        }

        static String of(List<RowResult> results, int warmup, Duration callLogDelay, Duration recoveryTimeout, Duration took,
                         String loadBefore, String loadAfter) {
            StringBuilder out = new StringBuilder();
            out.append("## Caller feed benchmark\n\n");
            out.append(String.format(Locale.ROOT,
                    "%s · Java %s · %d cores · load average before %s, after %s · whole benchmark %d min %02d s%n%n",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version().feature(),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, took.toMinutes(), took.toSecondsPart()));
            out.append(String.format(Locale.ROOT, """
                    Ringside's caller feed wired as bootstrap wires it (RecentCallersBoard, Watchers, AuthenticatedRingCentral, \
                    PushLink, CallSync, CallFeedScheduler ticking every 1 s on its own thread; FeedSettings.DEFAULT: presence every \
                    2 s while push is not live and someone watches, call log every 20 s while push does not cover the company, \
                    every 20 min while it does, ≤ 6 Heavy/min, 30 s push grace) and the real HTTP and WebSocket adapter, against \
                    the RingCentral simulator in process (real limits: Heavy 10, Medium 40, Light 50, Auth 5 per 60 s, 429 + 60 s \
                    penalty; call-log delay %d s; its WebSocket push gateway), connected through the simulator's consent page. \
                    Each row: %d s warm-up, then the measured window, then calls rung in it run their course (and the call log \
                    gets time to show those only it can). A new call rings every 1.5–2.5 s, in turn at 101 (the connected user), \
                    102 and 103; 3 in 4 are answered after 2–6 s and end 5–15 s later, the rest are missed after 4–10 s; %d \
                    ended calls of the last hour are in the call log from the start. Every view watches (a `watch` subscription, \
                    as the open intake page) and clicks `list()` every 2–5 s.%n%n""", callLogDelay.toSeconds(), warmup, HISTORY_CALLS));
            out.append("""
                    **Ring → visible** at a watching view, in process: from just before the simulator is told to ring the call \
                    to that view's listener receiving a list containing the caller; percentiles over every (call, view) pair \
                    seen, calls rung in the measured window only (with one view and a dozen calls, p99 is simply the slowest call). "Shown while still ringing": the call's first sighting at any \
                    view came before it was answered or ended. "Never shown": no view ever received a list with it, while live \
                    or after, by the end of the row.

                    """);
            out.append(LATENCY_HEADER).append('\n');
            for (RowResult r : results) {
                out.append(latencyRows(r)).append('\n');
            }
            out.append("""

                    **Requests at the simulator** (its RequestCounter, per RingCentral rate-limit group; Auth includes `wstoken`, \
                    Medium the subscription requests sent over the socket) per minute of the measured window. 429s: every HTTP \
                    429 the simulator sent during the whole row (warm-up and drain included); subscription requests not accepted: \
                    subscription POSTs the simulator received over the socket minus those it answered 200 (a 429 there would \
                    show here). Push healthy: time push was live and covering every extension, sampled every 100 ms over the \
                    whole row; requests between two healthy samples count as sent while push was healthy. "All": every healthy \
                    moment, including the catch-up call-log reads the feed makes after each fresh subscription (at start-up and \
                    after an outage longer than the recovery timeout); "steady state": healthy time from %d s after the last fresh subscription (counted \
                    at the simulator), when the feed's catch-up reads are over ("–" under %d s of it).

                    """.formatted(STEADY_AFTER_SUBSCRIPTION.toSeconds(), (int) STEADY_MINIMUM_SECONDS));
            out.append(REQUEST_HEADER).append('\n');
            for (RowResult r : results) {
                out.append(requestRow(r)).append('\n');
            }
            out.append('\n');
            for (RowResult r : results) {
                out.append("- ").append(r.label()).append(": ").append(notes(r, recoveryTimeout)).append('\n');
            }

            out.append("\n### Targets\n\n");
            List<RowResult> healthyPush = results.stream().filter(r -> r.mode() == Mode.PUSH).toList();
            List<RowResult> push = results.stream().filter(r -> r.mode().push()).toList();
            out.append(target("push ring→visible p95 ≤ 250 ms in process, at every extension (push rows without drops)", healthyPush,
                    r -> r.groups().stream().allMatch(g -> g.ringToVisibleNanos().length > 0 && g.millis(95) <= PUSH_P95_TARGET_MS)));
            out.append(target("0 calls never shown, drops included (every row)", results,
                    r -> r.callsNeverShown() == 0 && r.calls() > 0));
            out.append(target("while push is healthy, 0 presence requests (push rows)", push, r -> r.presenceWhileHealthy() == 0));
            out.append(target("while push is healthy, ≤ 1 Heavy request per minute on average, over all healthy time of each push row "
                            + "(the catch-up reads after each fresh subscription included)", push,
                    r -> r.healthySeconds() > 0 && r.heavyPerMinuteWhileHealthy() <= HEAVY_WHILE_HEALTHY_TARGET));
            List<RowResult> steady = push.stream().filter(r -> r.steadySeconds() >= STEADY_MINIMUM_SECONDS).toList();
            out.append(target("while push is healthy, ≤ 1 Heavy request per minute on average, in steady state (healthy time from "
                            + STEADY_AFTER_SUBSCRIPTION.toSeconds() + " s after the last fresh subscription; push rows with at least "
                            + (int) STEADY_MINIMUM_SECONDS + " s of it: " + steady.stream().map(RowResult::label).collect(Collectors.joining("; "))
                            + ")", steady,
                    r -> r.heavyPerMinuteWhileSteady() <= HEAVY_WHILE_HEALTHY_TARGET));
            out.append(target("no 429 at the simulator (every row; issue 7's target, kept)", results,
                    r -> r.http429() == 0 && r.subscriptionsNotAccepted() == 0));
            out.append(String.format(Locale.ROOT, "- the whole benchmark under %d minutes: **%s** (%d min %02d s, 2 cores expected; this run: %d)%n",
                    TIME_BUDGET.toMinutes(), took.compareTo(TIME_BUDGET) < 0 ? "PASS" : "FAIL", took.toMinutes(), took.toSecondsPart(),
                    Runtime.getRuntime().availableProcessors()));
            return out.toString();
        }

        private static String notes(RowResult r, Duration recoveryTimeout) {
            List<String> parts = new ArrayList<>();
            parts.add(String.format(Locale.ROOT, "%d calls in %.0f s measured, then %.0f s for them to run their course; row %.0f s"
                            + " (times below from the start of the measured window)",
                    r.calls(), r.measuredSeconds(), r.drainSeconds(), r.rowSeconds()));
            parts.add("live calls at the end: " + r.pushMode());
            if (!r.drops().isEmpty()) {
                parts.add("drops (simulator recovery timeout " + recoveryTimeout.toSeconds() + " s): " + String.join("; ", r.drops()));
            }
            if (r.mode().push()) {
                parts.add("push outages seen by the push link: " + (r.outages().isEmpty() ? "none" : String.join(", ", r.outages())));
                PushStats p = r.push();
                parts.add(String.format(Locale.ROOT,
                        "simulator push: %d ws tokens, %d sockets opened, %d refused, recoveries %d succeeded / %d failed, "
                                + "%d subscriptions, %d notifications sent, %d buffered for a replay, %d lost",
                        p.wsTokensIssued(), p.socketsOpened(), p.socketsRefused(), p.recoveriesSucceeded(), p.recoveriesFailed(),
                        p.subscriptionsCreated(), p.notificationsSent(), p.notificationsBuffered(), p.notificationsLost()));
            }
            for (GroupResult g : r.groups()) {
                if (g.pairsNeverSeen() > 0) {
                    parts.add(String.format(Locale.ROOT, "calls at %s: %d (call, view) pairs never seen", g.extensions(), g.pairsNeverSeen()));
                }
            }
            if (!r.neverShown().isEmpty()) {
                parts.add("never shown: " + String.join("; ", r.neverShown()));
            }
            if (r.failedTicks() > 0) {
                parts.add(r.failedTicks() + " ticks threw");
            }
            return String.join("; ", parts);
        }

        private static String target(String name, List<RowResult> rows, Predicate<RowResult> met) {
            if (rows.isEmpty()) {
                return "- " + name + ": not measured\n";
            }
            List<RowResult> missed = rows.stream().filter(met.negate()).toList();
            return "- " + name + ": **" + (missed.isEmpty() ? "PASS" : "FAIL") + "**"
                    + (missed.isEmpty() ? "" : " (missed in: " + missed.stream().map(RowResult::label).collect(Collectors.joining("; ")) + ")")
                    + "\n";
        }

        /** Milliseconds below 10 s, seconds above; "–" when nothing was measured. */
        static String duration(double millis) {
            if (Double.isNaN(millis)) {
                return "–";
            }
            if (millis < 1) {
                return String.format(Locale.ROOT, "%.3f ms", millis);
            }
            if (millis < 10_000) {
                return String.format(Locale.ROOT, "%.1f ms", millis);
            }
            return String.format(Locale.ROOT, "%.1f s", millis / 1000);
        }
    }
}
