package io.ringside.bootstrap.benchmark;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.FeedSettings;
import io.ringside.application.service.RecentCallersFeed;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.domain.AccessToken;
import io.ringside.domain.Caller;
import io.ringside.domain.InboundCall;
import io.ringside.domain.RecentCaller;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import io.ringside.simulator.limits.RequestCounts;
import io.ringside.simulator.limits.ThrottlingGroup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The caller-feed benchmark (issue 7): the real {@link RecentCallersFeed} and the real HTTP adapter
 * against the RingCentral simulator on a free port, with RingCentral's real rate limits.
 *
 * <p>For each operator count, every operator holds a {@code watch} subscription (the open intake page)
 * and calls {@code list()} every 2–5 s (a click), a scheduler calls {@code feed.tick()} with a 2 s
 * fixed delay as bootstrap does, and a call driver makes calls ring, get answered or missed, and end.
 * Requests and 429s are counted at the simulator. The baseline is the seed's design: one call-log
 * request per click, no feed.
 *
 * <pre>./mvnw -Pbenchmark -pl bootstrap -am -DskipTests verify</pre>
 *
 * Knobs (system properties): {@code benchmark.operators} (1,10,50,200), {@code benchmark.baselineOperators}
 * (10,200), {@code benchmark.warmupSeconds} (5), {@code benchmark.measureSeconds} (60),
 * {@code benchmark.callLogDelaySeconds} (20, the simulator's default), {@code benchmark.seed}.
 */
public final class CallerFeedBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(60);
    private static final int HISTORY_CALLS = 40;
    private static final double HEAVY_TARGET = 6;
    private static final double RING_TO_VISIBLE_P95_TARGET_S = 3.0;
    private static final double LIST_P95_TARGET_MS = 5.0;

    private final SimulatorHarness simulator;
    private final int warmupSeconds;
    private final int measureSeconds;
    private final long seed;

    private CallerFeedBenchmark(SimulatorHarness simulator, int warmupSeconds, int measureSeconds, long seed) {
        this.simulator = simulator;
        this.warmupSeconds = warmupSeconds;
        this.measureSeconds = measureSeconds;
        this.seed = seed;
    }

    public static void main(String[] args) throws Exception {
        Path outDir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        List<Integer> operatorCounts = counts(System.getProperty("benchmark.operators", "1,10,50,200"));
        List<Integer> baselineCounts = counts(System.getProperty("benchmark.baselineOperators", "10,200"));
        int warmup = Integer.getInteger("benchmark.warmupSeconds", 5);
        int measure = Integer.getInteger("benchmark.measureSeconds", 60);
        Duration callLogDelay = Duration.ofSeconds(Integer.getInteger("benchmark.callLogDelaySeconds", 20));
        long seed = Long.getLong("benchmark.seed", 7L);

        long started = System.nanoTime();
        String loadBefore = loadAverage();
        List<RunResult> results = new ArrayList<>();
        int exitCode = 0;
        try (SimulatorHarness simulator = SimulatorHarness.start(callLogDelay)) {
            System.out.printf("Simulator on %s (call-log delay %d s, rate limits Heavy %d / Light %d per %d s, penalty %d s)%n",
                    simulator.baseUrl(), callLogDelay.toSeconds(), simulator.platform().settings().rateLimits().heavy(),
                    simulator.platform().settings().rateLimits().light(), simulator.platform().settings().rateLimits().window().toSeconds(),
                    simulator.platform().settings().rateLimits().penalty().toSeconds());
            CallerFeedBenchmark benchmark = new CallerFeedBenchmark(simulator, warmup, measure, seed);
            for (int operators : operatorCounts) {
                results.add(benchmark.feedRun(operators));
                System.out.println(Table.row(results.getLast()));
            }
            for (int operators : baselineCounts) {
                results.add(benchmark.baselineRun(operators));
                System.out.println(Table.row(results.getLast()));
            }
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String report = Table.report(results, warmup, measure, callLogDelay, took, loadBefore, loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("caller-feed-benchmark.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        System.exit(exitCode);
    }

    // ---- the feed -------------------------------------------------------------------------------------

    private RunResult feedRun(int operators) throws Exception {
        Random random = new Random(seed + operators);
        simulator.resetWithHistory(HISTORY_CALLS, random);
        RingCentralAdapter adapter = simulator.adapter(settings -> settings);
        InMemoryConnectionStore store = new InMemoryConnectionStore();
        store.saveIfVersionMatches(RingCentralConnection.establish(simulator.connect(adapter), "bench", Instant.now()));
        Clock clock = Clock.systemUTC();
        ConnectionKeeper keeper = new ConnectionKeeper(store, adapter.authorization(), RefreshPolicy.DEFAULT, clock);
        RecentCallersFeed feed = new RecentCallersFeed(keeper, adapter.calls(), RecentCallers.withDefaultWindow(),
                FeedSettings.DEFAULT, clock);
        Measurement m = new Measurement(simulator);
        CallDriver driver = new CallDriver(simulator.platform(), random, 1000);

        List<WatchRecentCallers.Subscription> subscriptions = new ArrayList<>();
        Consumer<RecentCallersResult> intakePage = result -> {
            for (RecentCaller caller : result.callers()) {
                driver.sawNumber(caller.caller().number().e164());
            }
        };
        for (int i = 0; i < operators; i++) {
            subscriptions.add(feed.watch(intakePage));
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "benchmark-feed-tick"));
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                feed.tick();
            } catch (RuntimeException e) {
                System.err.println("feed.tick() threw: " + e);
            }
        }, 0, FeedSettings.DEFAULT.presenceInterval().toMillis(), TimeUnit.MILLISECONDS);

        Operators clicks = Operators.start(operators, () -> {
            long t0 = System.nanoTime();
            RecentCallersResult result = feed.list();
            long took = System.nanoTime() - t0;
            m.click(took, result.status() instanceof FeedStatus.Ok, result.callers().size());
        });
        driver.start();
        FeedHealth health;
        try {
            m.measure(driver, warmupSeconds, measureSeconds);
            driver.stopRinging();
            driver.awaitMeasuredSeen(5_000);
            health = feed.health();
        } finally {
            clicks.stop();
            scheduler.shutdownNow();
            subscriptions.forEach(WatchRecentCallers.Subscription::close);
            driver.close();
            adapter.close();
        }
        String note = "feed at end: " + describe(health.status()) + ", Heavy " + health.heavyRequestsLastMinute()
                + " / Light " + health.lightRequestsLastMinute() + " in its last minute";
        return m.result("feed", false, operators, driver, note);
    }

    // ---- the seed's design ----------------------------------------------------------------------------

    private RunResult baselineRun(int operators) throws Exception {
        Random random = new Random(seed + 1000 + operators);
        simulator.resetWithHistory(HISTORY_CALLS, random);
        RingCentralAdapter adapter = simulator.adapter(settings -> settings);
        AccessToken token = simulator.connect(adapter).accessToken();
        RecentCallers policy = RecentCallers.withDefaultWindow();
        Measurement m = new Measurement(simulator);
        CallDriver driver = new CallDriver(simulator.platform(), random, 5000);
        LongAdder refusedRateLimited = new LongAdder();
        LongAdder failed = new LongAdder();

        Operators clicks = Operators.start(operators, () -> {
            long t0 = System.nanoTime();
            boolean ok = false;
            int rows = 0;
            try {
                Instant now = Instant.now();
                List<InboundCall> records = adapter.calls().callLog(token, now.minus(policy.window()));
                rows = policy.select(records, now).callers().size();
                ok = true;
                for (InboundCall record : records) {
                    if (record.from() instanceof Caller caller) {
                        driver.sawNumber(caller.number().e164());
                    }
                }
            } catch (RingCentralRateLimitedException limited) {
                if (m.measuring) {
                    refusedRateLimited.increment();
                }
            } catch (RingCentralException other) {
                if (m.measuring) {
                    failed.increment();
                }
            }
            m.click(System.nanoTime() - t0, ok, rows);
        });
        driver.start();
        try {
            // No warm-up: the seed spends its Heavy budget in the first seconds, and that is the point.
            m.measure(driver, 0, measureSeconds);
            driver.stopRinging();
            driver.awaitMeasuredSeen(3_000);
        } finally {
            clicks.stop();
            driver.close();
            adapter.close();
        }
        String note = "clicks refused as rate limited: " + refusedRateLimited.sum() + ", failed otherwise: " + failed.sum()
                + " (the adapter's own Heavy budget refuses the 11th request in 60 s before sending it, so the simulator"
                + " sees no 429; without it every further click would draw a 429 and restart the 60 s penalty)"
                + "; a call reaches the call log " + simulator.platform().settings().callLogDelay().toSeconds()
                + " s after it ends, so a click never shows who is ringing";
        return m.result("baseline (seed: call log per click)", true, operators, driver, note);
    }

    private static String describe(FeedStatus status) {
        return switch (status) {
            case FeedStatus.Ok ok -> "OK";
            case FeedStatus.RateLimitedUntil limited -> "rate limited until " + limited.until().truncatedTo(ChronoUnit.SECONDS);
            case FeedStatus.Unavailable unavailable -> "unavailable (" + unavailable.reason() + ")";
            default -> status.getClass().getSimpleName();
        };
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

    // ---- measuring ------------------------------------------------------------------------------------

    /** Operators clicking every 2–5 s, each on a virtual thread. */
    private static final class Operators {
        private final List<Thread> threads = new ArrayList<>();
        private volatile boolean running = true;

        static Operators start(int count, Runnable click) {
            Operators operators = new Operators();
            for (int i = 0; i < count; i++) {
                operators.threads.add(Thread.ofVirtual().name("operator-" + i).start(() -> {
                    try {
                        Thread.sleep(ThreadLocalRandom.current().nextLong(0, 3000));
                        while (operators.running) {
                            click.run();
                            Thread.sleep(ThreadLocalRandom.current().nextLong(2000, 5001));
                        }
                    } catch (InterruptedException stopped) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            return operators;
        }

        void stop() throws InterruptedException {
            running = false;
            threads.forEach(Thread::interrupt);
            for (Thread thread : threads) {
                thread.join(10_000);
            }
        }
    }

    /** What one run measures: clicks in process, requests and 429s at the simulator. */
    private static final class Measurement {
        private final SimulatorHarness simulator;
        private final ConcurrentLinkedQueue<Long> clickNanos = new ConcurrentLinkedQueue<>();
        private final LongAdder clicks = new LongAdder();
        private final LongAdder clicksOk = new LongAdder();
        private final LongAdder rowsShown = new LongAdder();
        private final List<long[]> samples = new ArrayList<>();
        volatile boolean measuring;
        private RequestCounts atStart;
        private RequestCounts atEnd;
        private long measuredNanos;
        private long http429;

        Measurement(SimulatorHarness simulator) {
            this.simulator = simulator;
            simulator.platform().resetRequestCounts();
            simulator.probe().clear();
            samples.add(new long[] {System.nanoTime(), 0});
        }

        void click(long nanos, boolean ok, int rows) {
            if (!measuring) {
                return;
            }
            clickNanos.add(nanos);
            clicks.increment();
            if (ok) {
                clicksOk.increment();
                rowsShown.add(rows);
            }
        }

        /** Warm-up, then the measured window; samples the simulator's Heavy count every 250 ms throughout. */
        void measure(CallDriver driver, int warmupSeconds, int measureSeconds) throws InterruptedException {
            long runStart = System.nanoTime();
            sampleUntil(runStart + TimeUnit.SECONDS.toNanos(warmupSeconds));
            atStart = simulator.platform().requestCounts();
            long t0 = System.nanoTime();
            measuring = true;
            driver.measure(true);
            sampleUntil(t0 + TimeUnit.SECONDS.toNanos(measureSeconds));
            measuring = false;
            driver.measure(false);
            atEnd = simulator.platform().requestCounts();
            measuredNanos = System.nanoTime() - t0;
            http429 = simulator.probe().total();
        }

        private void sampleUntil(long deadline) throws InterruptedException {
            while (System.nanoTime() < deadline) {
                samples.add(new long[] {System.nanoTime(), simulator.platform().requestCounts().group(ThrottlingGroup.HEAVY)});
                Thread.sleep(Math.max(1, Math.min(250, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()))));
            }
            samples.add(new long[] {System.nanoTime(), simulator.platform().requestCounts().group(ThrottlingGroup.HEAVY)});
        }

        /**
         * The most Heavy requests the simulator received within any 60 s of the run (warm-up included),
         * from 250 ms samples of its count (reset to 0 at the first sample): requests in (t_i, t_j] with
         * t_j − t_i ≤ 60 s, so the window is never stretched.
         */
        private long heavyPeak() {
            long peak = 0;
            int i = 0;
            for (int j = 0; j < samples.size(); j++) {
                while (samples.get(j)[0] - samples.get(i)[0] > WINDOW.toNanos()) {
                    i++;
                }
                peak = Math.max(peak, samples.get(j)[1] - samples.get(i)[1]);
            }
            return peak;
        }

        RunResult result(String label, boolean baseline, int operators, CallDriver driver, String note) {
            double minutes = measuredNanos / 60e9;
            long heavy = atEnd.group(ThrottlingGroup.HEAVY) - atStart.group(ThrottlingGroup.HEAVY);
            long light = atEnd.group(ThrottlingGroup.LIGHT) - atStart.group(ThrottlingGroup.LIGHT);
            long[] latencies = clickNanos.stream().mapToLong(Long::longValue).sorted().toArray();
            List<CallDriver.Seen> seen = driver.seen();
            long[] ringToVisible = seen.stream().mapToLong(CallDriver.Seen::nanosAfterRing).sorted().toArray();
            long shownWhileRinging = seen.stream().filter(CallDriver.Seen::stillRinging).count();
            long clickCount = clicks.sum();
            return new RunResult(label, baseline, operators, measuredNanos / 1e9, heavy / minutes, heavyPeak(),
                    light / minutes, http429, simulator.probe().heavy429.sum(), simulator.probe().light429.sum(),
                    clickCount, clicksOk.sum(), latencies, clicksOk.sum() == 0 ? 0 : (double) rowsShown.sum() / clicksOk.sum(),
                    ringToVisible, driver.measuredCalls(), driver.measuredUnseen(), shownWhileRinging, note);
        }
    }

    record RunResult(String label, boolean baseline, int operators, double seconds, double heavyPerMinute,
                     long heavyPeak60s, double lightPerMinute, long http429, long heavy429, long light429,
                     long clicks, long clicksOk, long[] clickNanos, double meanRows,
                     long[] ringToVisibleNanos, int callsRung, long callsNeverShown, long shownWhileRinging, String note) {

        /** Clicks over the latency target: in the feed, those that waited for RingCentral. */
        long slowClicks() {
            return Arrays.stream(clickNanos).filter(n -> n > LIST_P95_TARGET_MS * 1e6).count();
        }

        double clickMillis(double percentile) {
            return percentile(clickNanos, percentile) / 1e6;
        }

        double ringToVisibleSeconds(double percentile) {
            return percentile(ringToVisibleNanos, percentile) / 1e9;
        }

        /** Nearest rank; NaN when there is nothing to rank. */
        static double percentile(long[] sorted, double percentile) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
            return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
        }
    }

    // ---- the report -----------------------------------------------------------------------------------

    private static final class Table {

        static final String HEADER = """
                | run | operators | Heavy/min | Heavy max in any 60 s | Light/min | 429s (Heavy/Light) | clicks | clicks served OK | list p50 ms | list p95 ms | list p99 ms | clicks > 5 ms | rows per list served | calls rung | ring→visible p50 s | ring→visible p95 s | shown while still ringing | calls never shown |
                |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|""";

        static String row(RunResult r) {
            return String.format(Locale.ROOT,
                    "| %s | %d | %.1f | %d | %.1f | %d (%d/%d) | %d | %s | %s | %s | %s | %d | %.1f | %d | %s | %s | %d of %d | %d |",
                    r.baseline() ? "**" + r.label() + "**" : r.label(), r.operators(), r.heavyPerMinute(), r.heavyPeak60s(),
                    r.lightPerMinute(), r.http429(), r.heavy429(), r.light429(), r.clicks(),
                    r.clicks() == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * r.clicksOk() / r.clicks()),
                    ms(r.clickMillis(50)), ms(r.clickMillis(95)), ms(r.clickMillis(99)), r.slowClicks(), r.meanRows(), r.callsRung(),
                    seconds(r.ringToVisibleSeconds(50)), seconds(r.ringToVisibleSeconds(95)),
                    r.shownWhileRinging(), r.ringToVisibleNanos().length, r.callsNeverShown());
        }

        static String report(List<RunResult> results, int warmup, int measure, Duration callLogDelay, Duration took,
                             String loadBefore, String loadAfter) {
            StringBuilder out = new StringBuilder();
            out.append("## Caller feed benchmark\n\n");
            out.append(String.format(Locale.ROOT,
                    "%s · Java %s · %d cores · load average before %s, after %s · whole benchmark %d min %02d s%n%n",
                    Instant.now().truncatedTo(ChronoUnit.SECONDS), Runtime.version().feature(),
                    Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter, took.toMinutes(), took.toSecondsPart()));
            out.append(String.format(Locale.ROOT, """
                    Real `RecentCallersFeed` (FeedSettings.DEFAULT: presence every 2 s while watched, call log every 20 s, \
                    ≤ 6 Heavy/min) and the real HTTP adapter against the RingCentral simulator in process \
                    (real limits: Heavy 10, Light 50 per 60 s, 429 + 60 s penalty; call-log delay %d s, the simulator's default). \
                    Each feed run: %d s warm-up, then %d s measured (baseline runs: measured from the first click); every operator watches (a `watch` subscription, like the open \
                    intake page) and clicks (`list()`) every 2–5 s; a new call rings every 3–5 s (3 in 4 answered after 2–6 s \
                    and ended 5–15 s later, the rest missed after 4–10 s); %d ended calls of the last hour are in the call log \
                    from the start, so lists are full. Requests and 429s are counted **at the simulator**; "Heavy max in any \
                    60 s" covers the whole run including warm-up. Latency is `list()` in process (System.nanoTime), \
                    ring→visible from the simulator starting the call ringing to the first watcher's listener receiving a list \
                    with that caller (baseline: the first click whose list shows it). **Bold** rows are the seed's design.%n%n""",
                    callLogDelay.toSeconds(), warmup, measure, HISTORY_CALLS));
            out.append(HEADER).append('\n');
            for (RunResult r : results) {
                out.append(row(r)).append('\n');
            }
            out.append('\n');
            for (RunResult r : results) {
                out.append("- ").append(r.baseline() ? "baseline" : "feed").append(", ").append(r.operators())
                        .append(" operators: ").append(r.note()).append('\n');
            }
            out.append("\n### Targets (feed rows)\n\n");
            List<RunResult> feed = results.stream().filter(r -> !r.baseline()).toList();
            out.append(target("Heavy ≤ 6 per minute at every operator count (rate and max in any 60 s)", feed,
                    r -> r.heavyPerMinute() <= HEAVY_TARGET && r.heavyPeak60s() <= HEAVY_TARGET));
            out.append(target("0 × 429 at every operator count", feed, r -> r.http429() == 0));
            out.append(target("ring→visible p95 ≤ 3 s", feed, r -> r.ringToVisibleSeconds(95) <= RING_TO_VISIBLE_P95_TARGET_S));
            out.append(target("`ListRecentCallers.list()` p95 ≤ 5 ms in process", feed, r -> r.clickMillis(95) <= LIST_P95_TARGET_MS));
            out.append(target("calls never shown = 0", feed, r -> r.callsNeverShown() == 0 && r.callsRung() > 0));
            List<RunResult> baseline = results.stream().filter(RunResult::baseline).toList();
            for (RunResult b : baseline) {
                results.stream().filter(r -> !r.baseline() && r.operators() == b.operators()).findFirst().ifPresent(f ->
                        out.append(String.format(Locale.ROOT,
                                "\nAt %d operators the seed's design sent %.1f Heavy/min (feed: %.1f), served %s of clicks "
                                        + "(feed: %s), and showed %d of %d ringing callers while they rang (feed: %d of %d).%n",
                                b.operators(), b.heavyPerMinute(), f.heavyPerMinute(),
                                percent(b.clicksOk(), b.clicks()), percent(f.clicksOk(), f.clicks()),
                                b.shownWhileRinging(), b.callsRung(), f.shownWhileRinging(), f.callsRung())));
            }
            return out.toString();
        }

        private static String target(String name, List<RunResult> rows, java.util.function.Predicate<RunResult> met) {
            if (rows.isEmpty()) {
                return "- " + name + ": not measured\n";
            }
            List<RunResult> missed = rows.stream().filter(met.negate()).toList();
            return "- " + name + ": **" + (missed.isEmpty() ? "PASS" : "FAIL") + "**"
                    + (missed.isEmpty() ? "" : " (missed at " + missed.stream().map(r -> r.operators() + " operators")
                    .collect(Collectors.joining(", ")) + ")") + "\n";
        }

        private static String percent(long part, long whole) {
            return whole == 0 ? "–" : String.format(Locale.ROOT, "%.0f %%", 100.0 * part / whole);
        }

        private static String ms(double value) {
            return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, value < 10 ? "%.3f" : "%.1f", value);
        }

        private static String seconds(double value) {
            return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.2f", value);
        }
    }
}
