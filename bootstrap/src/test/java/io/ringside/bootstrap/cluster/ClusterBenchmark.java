package io.ringside.bootstrap.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Two Ringsides on one PostgreSQL (issue 12), measured: whole Ringside application contexts on an embedded
 * PostgreSQL 17 and the RingCentral simulator ({@link ClusterHarness}), RingCentral connected once, one watching
 * view per instance. Prints one table (and writes it to {@code <out>/cluster-benchmark.md}):
 * ring-to-visible at both instances, a lost NOTIFY caught up, forced token expiries with both busy, takeover time
 * over several kills of the owner with the calls rung meanwhile, and the Heavy requests of both together.
 *
 * <pre>./mvnw -Pcluster-benchmark -pl bootstrap -am -DskipTests verify</pre>
 *
 * Knobs (system properties): {@code benchmark.calls} (100), {@code benchmark.lostNotifies} (5),
 * {@code benchmark.expiries} (100), {@code benchmark.kills} (5), {@code benchmark.callLogDelaySeconds} (20, the
 * simulator's default).
 */
public final class ClusterBenchmark {

    private ClusterBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        Path outDir = Path.of(args.length > 0 ? args[0] : "target/benchmark");
        int calls = Integer.getInteger("benchmark.calls", 100);
        int lostNotifies = Integer.getInteger("benchmark.lostNotifies", 5);
        int expiries = Integer.getInteger("benchmark.expiries", 100);
        int kills = Integer.getInteger("benchmark.kills", 5);
        Duration callLogDelay = Duration.ofSeconds(Integer.getInteger("benchmark.callLogDelaySeconds", 20));

        List<String> rows = new ArrayList<>();
        List<Boolean> passes = new ArrayList<>();
        int exitCode = 0;
        try (ClusterHarness cluster = ClusterHarness.start(callLogDelay);
             HeavyRequestWatch heavy = HeavyRequestWatch.start(cluster.platform())) {
            RingsideInstance a = cluster.startInstance("ringside-1");
            RingsideInstance b = cluster.startInstance("ringside-2");
            cluster.connectRingCentral(a);
            cluster.awaitOwnerOtherThan("", Duration.ofSeconds(30))
                    .orElseThrow(() -> new IllegalStateException("Nobody owns RingCentral 30 s after connecting"));
            ClusterScenarios scenarios = new ClusterScenarios(cluster);

            System.out.printf("-- %d calls at 101/102/103, watched at both instances%n", calls);
            ClusterScenarios.Visibility seen = scenarios.ringAtEveryExtension(List.of(a, b), calls, Duration.ofSeconds(10));
            row(rows, passes, "a call at any extension, ring → shown at both instances (p50 / p95 / max)",
                    ms(seen.millis(50)) + " / " + ms(seen.millis(95)) + " / " + ms(seen.millis(100))
                            + (seen.neverShown().isEmpty() ? "" : "; never shown: " + seen.neverShown().size()),
                    "p95 ≤ 1 s, 0 never shown", seen.millis(95) <= 1000 && seen.neverShown().isEmpty());

            RingsideInstance follower = cluster.owner().orElseThrow().equals(a.name) ? b : a;
            System.out.printf("-- %d NOTIFYs lost on purpose at %s%n", lostNotifies, follower.name);
            ClusterScenarios.LostNotify lost = scenarios.loseNotifications(follower, lostNotifies, Duration.ofSeconds(30));
            row(rows, passes, "NOTIFY lost on purpose (follower's LISTEN session ended, then a call): caught up",
                    String.format(Locale.ROOT, "%d of %d (%d sessions ended); ring → shown max %s", lostNotifies - lost.neverShown().size(),
                            lostNotifies, lost.listenersDropped(), ms(ClusterScenarios.percentileMillis(lost.nanos(), 100))),
                    "all", lost.neverShown().isEmpty() && lost.listenersDropped() >= lostNotifies);

            System.out.printf("-- %d forced access-token expiries, both instances busy%n", expiries);
            ClusterScenarios.TokenExpiries tokens = scenarios.expireTokens(List.of(a, b), expiries);
            row(rows, passes, "forced access-token expiries, both busy: refreshes at the simulator",
                    tokens.refreshes() + " for " + tokens.expiries() + " (" + tokens.unanswered() + " without one; "
                            + tokens.took().toSeconds() + " s)", "exactly 1 per expiry",
                    tokens.refreshes() == tokens.expiries() && tokens.unanswered() == 0);
            row(rows, passes, "… invalid_grant at the simulator", String.valueOf(tokens.tokenRefusals()), "0", tokens.tokenRefusals() == 0);
            row(rows, passes, "… connections lost", tokens.lostConnections().isEmpty() ? "0" : String.join("; ", tokens.lostConnections()),
                    "0", tokens.lostConnections().isEmpty());

            List<Long> takeoverMillis = new ArrayList<>();
            int callsDuring = 0;
            List<String> neverShown = new ArrayList<>();
            for (int kill = 1; kill <= kills; kill++) {
                System.out.printf("-- kill %d of %d: the owner (%s) dies%n", kill, kills, cluster.owner().orElse("nobody"));
                ClusterScenarios.Takeover takeover = scenarios.killTheOwner(callLogDelay.plusSeconds(60));
                System.out.printf("   %s → %s in %s; %d calls, never shown: %s%n", takeover.killed(), takeover.newOwner(),
                        takeover.takeover() == null ? "–" : takeover.takeover().toMillis() + " ms", takeover.calls(), takeover.neverShown());
                takeoverMillis.add(takeover.takeover() == null ? Long.MAX_VALUE : takeover.takeover().toMillis());
                callsDuring += takeover.calls();
                neverShown.addAll(takeover.neverShown());
                // The killed instance is replaced, as an orchestrator would restart it.
                cluster.startInstance("ringside-" + (kill + 2));
            }
            long[] takeovers = takeoverMillis.stream().mapToLong(Long::longValue).toArray();
            boolean allTookOver = takeoverMillis.stream().noneMatch(m -> m == Long.MAX_VALUE);
            double p50 = ClusterScenarios.percentileMillis(nanos(takeovers), 50);
            double max = ClusterScenarios.percentileMillis(nanos(takeovers), 100);
            row(rows, passes, "owner stopped abruptly (" + kills + " kills): takeover p50 / max",
                    allTookOver ? ms(p50) + " / " + ms(max) : "no takeover within 35 s in " + takeoverMillis.stream().filter(m -> m == Long.MAX_VALUE).count(),
                    "≤ 30 s", allTookOver && max <= 30_000);
            row(rows, passes, "… calls rung during the switches never shown", neverShown.size() + " of " + callsDuring,
                    "0", neverShown.isEmpty() && callsDuring > 0);

            heavy.close();
            long most = heavy.mostInAnyMinute();
            long http429 = cluster.simulator().probe().total();
            row(rows, passes, "Heavy requests, both instances together: most in any 60 s (total over the run)",
                    most + " (" + heavy.total() + " in " + heavy.watched().toMinutes() + " min)", "≤ 6", most <= 6);
            row(rows, passes, "HTTP 429 at the simulator", String.valueOf(http429), "0", http429 == 0);
        } catch (Exception e) {
            e.printStackTrace();
            exitCode = 1;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        StringBuilder report = new StringBuilder("## Two Ringsides on one PostgreSQL\n\n")
                .append("| figure | measured | target | |\n|---|---|---|---|\n");
        rows.forEach(r -> report.append(r).append('\n'));
        report.append(String.format(Locale.ROOT, "%nWhole benchmark %d min %02d s on %d cores; the simulator's call-log delay %d s; "
                        + "Auth limit %d a minute at the simulator and in Ringside (RingCentral's is 5), every other limit RingCentral's.%n",
                took.toMinutes(), took.toSecondsPart(), Runtime.getRuntime().availableProcessors(), callLogDelay.toSeconds(),
                ClusterHarness.AUTH_PER_MINUTE));
        if (exitCode == 0 && passes.contains(false)) {
            exitCode = 2;
        }
        System.out.println();
        System.out.println(report);
        Files.createDirectories(outDir);
        Path file = outDir.resolve("cluster-benchmark.md");
        Files.writeString(file, report);
        System.out.println("Written to " + file.toAbsolutePath());
        System.exit(exitCode);
    }

    private static void row(List<String> rows, List<Boolean> passes, String figure, String measured, String target, boolean pass) {
        rows.add("| " + figure + " | " + measured + " | " + target + " | **" + (pass ? "PASS" : "FAIL") + "** |");
        passes.add(pass);
        System.out.println("   " + figure + ": " + measured + (pass ? "" : "  (FAIL)"));
    }

    private static long[] nanos(long[] millis) {
        long[] nanos = new long[millis.length];
        for (int i = 0; i < millis.length; i++) {
            nanos[i] = millis[i] == Long.MAX_VALUE ? Long.MAX_VALUE : millis[i] * 1_000_000;
        }
        return nanos;
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "–";
        }
        return millis < 10_000 ? String.format(Locale.ROOT, "%.0f ms", millis) : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }
}
