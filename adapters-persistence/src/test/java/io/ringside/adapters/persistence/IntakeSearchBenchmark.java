package io.ringside.adapters.persistence;

import io.ringside.application.port.out.IntakeStore;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeQuery;
import io.ringside.domain.PhoneNumber;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/**
 * The intake search benchmark (issue 14): 100,000 intakes, then the two queries the Intakes page makes most,
 * timed in process through the real {@link JdbcIntakeStore} on an H2 file database (as Ringside runs it) and on
 * embedded PostgreSQL 17, both migrated by the module's own migrations.
 *
 * <ul>
 *   <li><b>first page</b>: {@code find(IntakeQuery.ALL, 0, 50)} and {@code count(IntakeQuery.ALL)}, what the lazy
 *   grid asks when the page opens;</li>
 *   <li><b>number search</b>: {@code find(number, 0, 50)} and {@code count(number)}, over numbers drawn at random
 *   from those that have intakes, one in twenty unknown.</li>
 * </ul>
 * A query's time is both calls, one after the other on one thread. Before each timed query an intake is saved
 * (not timed) through {@link IntakeStore#save}, as on a working day: neither database can then answer from a
 * result it kept from the previous, identical query (H2 reuses the last result of an unchanged table). Rows
 * below the two targets are for information: the regulars' number searches (a few hundred intakes each), what
 * recognising a caller asks ({@code known}), a name search (contains, any case) and a page half way down the grid.
 * After the timings each database explains the two targeted queries exactly as the store sent them.
 *
 * <pre>./mvnw -Pbenchmark -pl adapters-persistence -am -DskipTests verify</pre>
 *
 * Knobs (system properties): {@code benchmark.intakes} (100000), {@code benchmark.numbers} (20000),
 * {@code benchmark.queries} (300 timed per row), {@code benchmark.warmup} (200 per row, not timed),
 * {@code benchmark.databases} (H2,POSTGRESQL), {@code benchmark.seed} (14). Writes the report to
 * {@code target/benchmark/intake-search-benchmark.md} too.
 */
public final class IntakeSearchBenchmark {

    static final double TARGET_P95_MS = 50;
    private static final int PAGE = 50;
    private static final double UNKNOWN_SHARE = 0.05;

    private final IntakeSeed seed;
    private final int queries;
    private final int warmup;
    private final Random random;

    private IntakeSearchBenchmark(IntakeSeed seed, int queries, int warmup, long randomSeed) {
        this.seed = seed;
        this.queries = queries;
        this.warmup = warmup;
        this.random = new Random(randomSeed);
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        String loadBefore = loadAverage();
        Path outDir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        int intakes = Integer.getInteger("benchmark.intakes", 100_000);
        int numbers = Integer.getInteger("benchmark.numbers", 20_000);
        int queries = Integer.getInteger("benchmark.queries", 300);
        int warmup = Integer.getInteger("benchmark.warmup", 200);
        long randomSeed = Long.getLong("benchmark.seed", 14L);
        List<TestDatabase.Kind> kinds = Stream.of(System.getProperty("benchmark.databases", "H2,POSTGRESQL").split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> TestDatabase.Kind.valueOf(s.toUpperCase(Locale.ROOT)))
                .toList();

        IntakeSeed seed = new IntakeSeed(randomSeed, intakes, numbers, Instant.now().truncatedTo(ChronoUnit.SECONDS));
        IntakeSearchBenchmark benchmark = new IntakeSearchBenchmark(seed, queries, warmup, randomSeed);
        List<DatabaseResult> results = new ArrayList<>();
        int exitCode = 0;
        try {
            for (TestDatabase.Kind kind : kinds) {
                results.add(benchmark.run(kind));
            }
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        String report = report(results, seed, queries, warmup, took, loadBefore, loadAverage());
        System.out.println();
        System.out.println(report);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("intake-search-benchmark.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        System.exit(exitCode);
    }

    // ---- one database ----------------------------------------------------------------------------------

    private DatabaseResult run(TestDatabase.Kind kind) throws Exception {
        Path dir = Files.createTempDirectory("ringside-intake-benchmark");
        try (TestDatabase database = TestDatabase.open(kind, dir)) {
            System.out.printf(Locale.ROOT, "%s: seeding %,d intakes over %,d numbers ...%n", label(kind), seed.intakes(),
                    seed.numbers().size());
            long seedStart = System.nanoTime();
            seed.insert(database.dataSource());
            Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);
            long analyzeStart = System.nanoTime();
            analyze(database);
            Duration analyzing = Duration.ofNanos(System.nanoTime() - analyzeStart);
            System.out.printf(Locale.ROOT, "%s: seeded in %s, vacuum/analyze in %s%n", label(kind), seconds(seeding), seconds(analyzing));

            JdbcIntakeStore store = new JdbcIntakeStore(database.dataSource());
            List<String> known = seed.numbers();
            List<String> regulars = seed.regulars();
            List<Row> rows = new ArrayList<>();
            rows.add(measure(store, "first page (no filter)", true, i -> new Probe(IntakeQuery.ALL, 0, true)));
            rows.add(measure(store, "number search (random known, 1 in 20 unknown)", true, i -> new Probe(byNumber(
                    random.nextDouble() < UNKNOWN_SHARE ? IntakeSeed.unknownNumber(random) : known.get(random.nextInt(known.size()))),
                    0, true)));
            rows.add(measure(store, "number search, regulars only", false,
                    i -> new Probe(byNumber(regulars.get(random.nextInt(regulars.size()))), 0, true)));
            rows.add(measureKnown(store, known));
            rows.add(measure(store, "name contains (4 letters of a surname)", false,
                    i -> new Probe(new IntakeQuery(null, IntakeSeed.namePart(random), null, null, null), 0, true)));
            int halfWay = seed.intakes() / 2;
            rows.add(measure(store, String.format(Locale.ROOT, "page at row %,d, half way down (find only)", halfWay), false,
                    i -> new Probe(IntakeQuery.ALL, halfWay, false)));

            List<String> plans = explain(database, known);
            return new DatabaseResult(kind, seeding, analyzing, rows, plans);
        } finally {
            deleteRecursively(dir);
        }
    }

    /**
     * The table as a year of use leaves it, not as a bulk load does: PostgreSQL's autovacuum vacuums a table that
     * only grows once a fifth of it is new and analyses it once a tenth changed (so its statistics are fresh and
     * its visibility map set, which lets a count read an index alone); H2 analyses by itself every 2,000 changed
     * rows, so this only makes it happen now.
     */
    private static void analyze(TestDatabase database) throws SQLException {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(database.kind() == TestDatabase.Kind.POSTGRESQL ? "VACUUM ANALYZE intake" : "ANALYZE TABLE intake");
        }
    }

    private record Probe(IntakeQuery query, int offset, boolean count) {
    }

    private Row measure(IntakeStore store, String label, boolean targeted, IntFunction<Probe> next) {
        for (int i = 0; i < warmup; i++) {
            saveOne(store);
            run(store, next.apply(i));
        }
        long[] total = new long[queries];
        long[] find = new long[queries];
        long[] count = new long[queries];
        int[] pageRows = new int[queries];
        long[] counted = new long[queries];
        for (int i = 0; i < queries; i++) {
            Probe probe = next.apply(i);
            saveOne(store);
            long t0 = System.nanoTime();
            List<Intake> page = store.find(probe.query(), probe.offset(), PAGE);
            long t1 = System.nanoTime();
            long n = probe.count() ? store.count(probe.query()) : -1;
            long t2 = System.nanoTime();
            total[i] = t2 - t0;
            find[i] = t1 - t0;
            count[i] = probe.count() ? t2 - t1 : 0;
            pageRows[i] = page.size();
            counted[i] = n;
        }
        Row row = new Row(label, targeted, Latencies.of(total), Latencies.of(find),
                Arrays.stream(count).anyMatch(c -> c > 0) ? Latencies.of(count) : null,
                Arrays.stream(pageRows).average().orElse(0), Arrays.stream(pageRows).max().orElse(0),
                Arrays.stream(counted).max().orElse(-1));
        System.out.println("  " + row.line());
        return row;
    }

    private Row measureKnown(IntakeStore store, List<String> known) {
        IntFunction<PhoneNumber> next = i -> PhoneNumber.of(
                random.nextDouble() < UNKNOWN_SHARE ? IntakeSeed.unknownNumber(random) : known.get(random.nextInt(known.size())));
        for (int i = 0; i < warmup; i++) {
            saveOne(store);
            store.known(next.apply(i));
        }
        long[] total = new long[queries];
        int found = 0;
        for (int i = 0; i < queries; i++) {
            PhoneNumber phone = next.apply(i);
            saveOne(store);
            long t0 = System.nanoTime();
            boolean isKnown = store.known(phone).isPresent();
            total[i] = System.nanoTime() - t0;
            found += isKnown ? 1 : 0;
        }
        Row row = new Row("caller recognised: known(number)", false, Latencies.of(total), Latencies.of(total), null,
                (double) found / queries, found > 0 ? 1 : 0, -1);
        System.out.println("  " + row.line());
        return row;
    }

    private static void run(IntakeStore store, Probe probe) {
        store.find(probe.query(), probe.offset(), PAGE);
        if (probe.count()) {
            store.count(probe.query());
        }
    }

    /** An intake saved now by one of the operators, for one of the known numbers: the day goes on. */
    private void saveOne(IntakeStore store) {
        List<String> known = seed.numbers();
        store.save(new Intake(UUID.randomUUID(), "Walk-in " + random.nextInt(1000),
                PhoneNumber.of(known.get(random.nextInt(known.size()))), "Saved during the benchmark, between two timed queries.",
                null, UUID.fromString("0b6f2a4e-1c1d-4a8e-9f3a-6a1e2d3c4b01"), "Maria Lopez", Instant.now()));
    }

    private static IntakeQuery byNumber(String e164) {
        return new IntakeQuery(PhoneNumber.of(e164), null, null, null, null);
    }

    /** The plans of the two targeted queries, each as the store sent it: first page (find, count), then a regular's number. */
    private List<String> explain(TestDatabase database, List<String> known) throws SQLException {
        RecordingDataSource recording = new RecordingDataSource(database.dataSource());
        JdbcIntakeStore store = new JdbcIntakeStore(recording.dataSource());
        List<String> plans = new ArrayList<>();
        IntakeQuery regular = byNumber(seed.regulars().getFirst());
        IntakeQuery one = byNumber(known.getLast());
        for (IntakeQuery query : List.of(IntakeQuery.ALL, regular, one)) {
            recording.take();
            store.find(query, 0, PAGE);
            store.count(query);
            for (RecordingDataSource.Sent sent : recording.take()) {
                plans.add("-- " + (query == IntakeQuery.ALL ? "first page" : "number " + query.phone().e164()
                        + (query == regular ? " (the busiest regular)" : " (a caller from the long tail)"))
                        + "\n" + sent.sql().strip() + "\n" + RecordingDataSource.explain(database.dataSource(), database.kind(), sent));
            }
        }
        return plans;
    }

    // ---- results ---------------------------------------------------------------------------------------

    /** Sorted latencies of one row. */
    record Latencies(long[] sortedNanos) {

        static Latencies of(long[] nanos) {
            long[] sorted = nanos.clone();
            Arrays.sort(sorted);
            return new Latencies(sorted);
        }

        /** Nearest-rank percentile, milliseconds. */
        double millis(double percentile) {
            int rank = (int) Math.ceil(percentile / 100.0 * sortedNanos.length);
            return sortedNanos[Math.clamp(rank - 1, 0, sortedNanos.length - 1)] / 1e6;
        }

        double maxMillis() {
            return sortedNanos[sortedNanos.length - 1] / 1e6;
        }
    }

    record Row(String label, boolean targeted, Latencies total, Latencies find, Latencies count, double averageRows,
               int maxRows, long maxCount) {

        boolean met() {
            return total.millis(95) <= TARGET_P95_MS;
        }

        String rows() {
            if (label.startsWith("caller recognised")) {
                return String.format(Locale.ROOT, "known for %.0f %%", averageRows * 100);
            }
            String page = String.format(Locale.ROOT, "%s per page (max %d)", trim(averageRows), maxRows);
            return maxCount >= 0 ? page + String.format(Locale.ROOT, "; count up to %,d", maxCount) : page;
        }

        String line() {
            return String.format(Locale.ROOT, "%-50s p50 %s  p95 %s  max %s  %s", label, ms(total.millis(50)), ms(total.millis(95)),
                    ms(total.maxMillis()), rows());
        }
    }

    record DatabaseResult(TestDatabase.Kind kind, Duration seeding, Duration analyzing, List<Row> rows, List<String> plans) {
    }

    private static String report(List<DatabaseResult> results, IntakeSeed seed, int queries, int warmup, Duration took,
                                 String loadBefore, String loadAfter) {
        StringBuilder out = new StringBuilder();
        out.append("## Intake search benchmark\n\n");
        out.append(String.format(Locale.ROOT, "%,d intakes over a year, %,d distinct numbers (%d regulars with a tenth of them);"
                        + " %d timed queries per row after %d untimed; one intake saved before each query (untimed);"
                        + " %d cores, Java %s.%n%n", seed.intakes(), seed.numbers().size(), IntakeSeed.REGULARS, queries, warmup,
                Runtime.getRuntime().availableProcessors(), Runtime.version()));
        out.append("| database | query | p50 | p95 | max | rows | target p95 ≤ 50 ms |\n|---|---|---:|---:|---:|---|---|\n");
        for (DatabaseResult r : results) {
            for (Row row : r.rows()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s | %s |%n", label(r.kind()), row.label(),
                        ms(row.total().millis(50)), ms(row.total().millis(95)), ms(row.total().maxMillis()), row.rows(),
                        row.targeted() ? (row.met() ? "**PASS**" : "**FAIL**") : "(information)"));
            }
        }
        out.append("\nfind and count apart (p95):\n\n| database | query | find p95 | count p95 |\n|---|---|---:|---:|\n");
        for (DatabaseResult r : results) {
            for (Row row : r.rows()) {
                out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s |%n", label(r.kind()), row.label(),
                        ms(row.find().millis(95)), row.count() == null ? "–" : ms(row.count().millis(95))));
            }
        }
        out.append("\nSeeding (JDBC batches of 1,000, a commit every 10,000, in the order they were saved):\n\n");
        for (DatabaseResult r : results) {
            out.append(String.format(Locale.ROOT, "- %s: %s (%,.0f intakes/s), then %s in %s%n", label(r.kind()),
                    seconds(r.seeding()), seed.intakes() / (r.seeding().toNanos() / 1e9),
                    r.kind() == TestDatabase.Kind.POSTGRESQL ? "VACUUM ANALYZE" : "ANALYZE", seconds(r.analyzing())));
        }
        out.append("\n### Targets\n\n");
        for (DatabaseResult r : results) {
            for (Row row : r.rows().stream().filter(Row::targeted).toList()) {
                out.append(String.format(Locale.ROOT, "- %s, %s: p95 %s ≤ 50 ms: **%s**%n", label(r.kind()), row.label(),
                        ms(row.total().millis(95)), row.met() ? "PASS" : "FAIL"));
            }
        }
        out.append("\n### Plans\n");
        for (DatabaseResult r : results) {
            out.append("\n").append(label(r.kind())).append(":\n\n```\n").append(String.join("\n\n", r.plans())).append("\n```\n");
        }
        out.append(String.format(Locale.ROOT, "%nWhole benchmark: %d min %02d s; load average before %s, after %s"
                + " (other work on the machine shows in the tails)%n", took.toMinutes(), took.toSecondsPart(), loadBefore, loadAfter));
        return out.toString();
    }

    /** The 1, 5 and 15 minute load averages, where the system tells them. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String label(TestDatabase.Kind kind) {
        return kind == TestDatabase.Kind.H2 ? "H2 (file)" : "PostgreSQL 17 (embedded)";
    }

    private static String ms(double millis) {
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis) : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
