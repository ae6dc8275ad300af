package io.ringside.bootstrap.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The start-up benchmark (issue 13): launches Ringside several times each way and measures, from launch to
 * the login page answering HTTP 200, in demo mode with a fresh data directory every time:
 * <ul>
 *   <li>the packaged jar, {@code java -jar target/ringside.jar};</li>
 *   <li>the extracted application, {@code java -jar target/ringside/ringside.jar};</li>
 *   <li>the extracted application with the AOT cache the build trained,
 *       {@code java -XX:AOTCache=target/ringside/ringside.aot -jar target/ringside/ringside.jar}.</li>
 * </ul>
 * The launches take turns (one of each, then again), so a busy neighbour slows every row alike. A launch with
 * the cache runs with {@code -XX:AOTMode=on}, which refuses to start on an unusable cache: a row "with the
 * cache" is never silently a row without it.
 *
 * <pre>./mvnw -Pstartup-benchmark -pl bootstrap -am -DskipTests verify</pre>
 *
 * Arguments: the packaged jar, the extracted application's directory, the output directory. System properties:
 * {@code benchmark.runs} (5) launches per row; {@code benchmark.compareTraining} (false) adds a row with a cache from
 * Spring Boot's {@code -Dspring.context.exit=onRefresh} training run. Prints min/median/max and writes
 * {@code startup-benchmark.md} to the output directory.
 */
public final class StartupBenchmark {

    private static final Duration TARGET = Duration.ofSeconds(5);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Pattern STARTED = Pattern.compile(
            "Started RingsideApplication in ([0-9.]+) seconds \\(process running for ([0-9.]+)\\)");

    record Launch(String label, List<String> jvmOptions, Path jar) {
    }

    record Sample(Duration toLoginPage, Double processReportsStartedAt) {
    }

    private StartupBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("Usage: StartupBenchmark <packaged jar> <extracted application directory> <output directory>");
            System.exit(2);
        }
        Path packagedJar = Path.of(args[0]).toAbsolutePath();
        Path applicationDir = Path.of(args[1]).toAbsolutePath();
        Path outputDir = Path.of(args[2]).toAbsolutePath();
        int runs = Integer.getInteger("benchmark.runs", 5);
        Path extractedJar = applicationDir.resolve(AotCacheTraining.APPLICATION_JAR);
        Path cache = applicationDir.resolve(AotCacheTraining.CACHE_FILE);

        List<Launch> launches = new ArrayList<>(List.of(
                new Launch("packaged jar: `java -jar ringside.jar`", List.of(), packagedJar),
                new Launch("extracted: `java -jar ringside/ringside.jar`", List.of(), extractedJar)));
        if (Files.isRegularFile(cache)) {
            launches.add(new Launch("extracted + AOT cache: `java -XX:AOTCache=ringside.aot -jar ringside/ringside.jar`",
                    List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), extractedJar));
            if (Boolean.getBoolean("benchmark.compareTraining")) {
                launches.add(onRefreshTrained(applicationDir, outputDir.resolve("onrefresh-trained")));
            }
        } else {
            System.out.println("No AOT cache at " + cache + " (built on JDK 25+ by the aot-cache profile): that row is left out.");
        }

        Map<Launch, List<Sample>> samples = new LinkedHashMap<>();
        launches.forEach(launch -> samples.put(launch, new ArrayList<>()));
        Instant began = Instant.now();
        String loadBefore = loadAverage();
        for (int run = 1; run <= runs; run++) {
            for (int row = 0; row < launches.size(); row++) {
                Launch launch = launches.get(row);
                Sample sample = measure(launch, outputDir.resolve("startup-row" + (row + 1) + "-run" + run + ".log"));
                samples.get(launch).add(sample);
                System.out.printf(Locale.ROOT, "run %d/%d  %-8s %s%n", run, runs,
                        seconds(sample.toLoginPage()), launch.label());
            }
        }

        String report = report(samples, runs, Duration.between(began, Instant.now()), loadBefore, loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(outputDir);
        Files.writeString(outputDir.resolve("startup-benchmark.md"), report);
        System.out.println("Written to " + outputDir.resolve("startup-benchmark.md"));
    }

    /**
     * The same application with a cache from Spring Boot's documented training run instead
     * ({@code -Dspring.context.exit=onRefresh}: it ends before the web server answers), for comparison.
     */
    private static Launch onRefreshTrained(Path applicationDir, Path copy) throws IOException, InterruptedException {
        Directories.deleteQuietly(copy);
        Directories.copyPreservingTimes(applicationDir, copy);
        Path cache = copy.resolve(AotCacheTraining.CACHE_FILE);
        System.out.println("Training an onRefresh AOT cache in " + copy + " for comparison...");
        AotCacheTraining.train(copy, cache, false);
        return new Launch("extracted + AOT cache from an onRefresh training run",
                List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), copy.resolve(AotCacheTraining.APPLICATION_JAR));
    }

    private static Sample measure(Launch launch, Path log) throws IOException, InterruptedException {
        try (LaunchedRingside ringside = LaunchedRingside.launch(launch.jvmOptions(), launch.jar(), log)) {
            Duration toLoginPage = ringside.awaitLoginPage(START_TIMEOUT);
            // Tomcat answers as soon as it listens; the main thread logs "Started" a moment later.
            for (int wait = 0; wait < 100; wait++) {
                Matcher started = STARTED.matcher(ringside.log());
                if (started.find()) {
                    return new Sample(toLoginPage, Double.valueOf(started.group(2)));
                }
                Thread.sleep(50);
            }
            return new Sample(toLoginPage, null);
        }
    }

    static String report(Map<Launch, List<Sample>> samples, int runs, Duration took, String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT,
                "Ringside start-up, launch → login page answers HTTP 200 (demo mode, %d launches per row, %d cores, %s, %s, took %d s;"
                        + " load average before %s, after %s)%n%n",
                runs, Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), took.toSeconds(), loadBefore, loadAfter));
        out.append("| launch | min | median | max | \"Started\" median (JVM uptime) |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        Duration bestMedian = null;
        for (Map.Entry<Launch, List<Sample>> row : samples.entrySet()) {
            List<Duration> times = row.getValue().stream().map(Sample::toLoginPage).sorted().toList();
            List<Double> reported = row.getValue().stream().map(Sample::processReportsStartedAt)
                    .filter(Objects::nonNull).sorted().toList();
            Duration median = median(times);
            bestMedian = bestMedian == null || median.compareTo(bestMedian) < 0 ? median : bestMedian;
            out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", row.getKey().label(),
                    seconds(times.getFirst()), seconds(median), seconds(times.getLast()),
                    reported.isEmpty() ? "–" : String.format(Locale.ROOT, "%.2f s", reported.get(reported.size() / 2))));
        }
        out.append(String.format(Locale.ROOT, "%nTarget: median ≤ %d s to the login page with the fastest launch: %s (%s).%n",
                TARGET.toSeconds(), bestMedian != null && bestMedian.compareTo(TARGET) <= 0 ? "met" : "NOT met",
                bestMedian == null ? "–" : seconds(bestMedian)));
        return out.toString();
    }

    /** The machine's 1-minute load average, where Linux tells it: other work on the same cores slows every launch. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    static Duration median(List<Duration> sorted) {
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.2f s", duration.toNanos() / 1e9);
    }
}
