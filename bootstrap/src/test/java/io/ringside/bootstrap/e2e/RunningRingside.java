package io.ringside.bootstrap.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The packaged Ringside jar, started as its own process in demo mode (no RingCentral credentials,
 * so it serves its simulator under {@code /simulator}) on a free port, with a throw-away data
 * directory and the simulator's random caller generator off. Its output goes to a log file for a
 * person to read when something fails.
 */
final class RunningRingside implements AutoCloseable {

    private static final String STARTED = "Started RingsideApplication";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);

    private final Process process;
    private final Path log;
    private final Path dataDir;
    private final Thread killOnExit;
    final int port;

    private RunningRingside(Process process, Path log, Path dataDir, int port) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
        this.killOnExit = new Thread(process::destroyForcibly, "kill-ringside-e2e");
        Runtime.getRuntime().addShutdownHook(killOnExit);
    }

    static RunningRingside start(Path jar, Path log) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged Ringside jar at " + jar + " (run the package phase first)");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("ringside-e2e-");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC",
                "-jar", jar.toString(),
                "--server.port=" + port,
                "--ringside.data-dir=" + dataDir,
                "--ringside.simulator.generator.enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // Demo mode needs neither RingCentral credential; nothing from the caller's environment may leak in.
        builder.environment().keySet().removeIf(name -> name.startsWith("RINGCENTRAL_") || name.startsWith("RINGSIDE_"));
        Process process = builder.start();
        RunningRingside ringside = new RunningRingside(process, log, dataDir, port);
        try {
            ringside.awaitStarted();
        } catch (RuntimeException | InterruptedException e) {
            ringside.close();
            throw e;
        }
        return ringside;
    }

    String baseUrl() {
        // "localhost", not 127.0.0.1: demo mode registers http://localhost:<port>/api/ringcentral/callback
        // as the redirect URI, and the session cookie must come back with the browser.
        return "http://localhost:" + port;
    }

    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private void awaitStarted() throws InterruptedException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (log().contains(STARTED)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("Ringside stopped during start-up (exit " + process.exitValue()
                        + "); its log " + log + " ends:\n" + logTail(60));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Ringside did not start within " + START_TIMEOUT.toSeconds() + " s; its log "
                + log + " ends:\n" + logTail(60));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
        deleteQuietly(dataDir);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temp dir left behind is harmless
        }
    }
}
