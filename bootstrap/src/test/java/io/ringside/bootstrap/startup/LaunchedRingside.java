package io.ringside.bootstrap.startup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One Ringside process started the way an operator starts it ({@code java [options] -jar <jar>}), in demo
 * mode, on a free port, with a throw-away data directory, timed from the moment it is launched.
 *
 * <p>Nothing from the caller's environment reaches it: RingCentral credentials, Ringside or Spring settings
 * or JVM options there would change what starts (a real RingCentral account, a PostgreSQL database) and what
 * is measured. Its output goes to a log file for a person to read when something fails.
 */
final class LaunchedRingside implements AutoCloseable {

    private static final Duration POLL_EVERY = Duration.ofMillis(20);
    private static final List<String> FOREIGN_ENVIRONMENT = List.of(
            "RINGCENTRAL_", "RINGSIDE_", "SPRING_", "SERVER_", "MANAGEMENT_", "LOGGING_",
            "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS");

    private final Process process;
    private final long launchedAtNanos;
    private final Path log;
    private final Path dataDir;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private LaunchedRingside(Process process, long launchedAtNanos, Path log, Path dataDir, int port) {
        this.process = process;
        this.launchedAtNanos = launchedAtNanos;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
    }

    /**
     * @param jvmOptions options before {@code -jar}, e.g. {@code -XX:AOTCache=…}
     * @param jar        the packaged jar, or the extracted application's jar
     * @param log        where the process's output goes (replaced)
     */
    static LaunchedRingside launch(List<String> jvmOptions, Path jar, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No Ringside jar at " + jar + " (run the package phase first)");
        }
        int port = freePort();
        Path dataDir = Files.createTempDirectory("ringside-startup-");
        Files.createDirectories(log.toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString(),
                "--server.port=" + port,
                "--ringside.data-dir=" + dataDir,
                "--ringside.simulator.generator.enabled=false"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.toAbsolutePath().getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(name -> FOREIGN_ENVIRONMENT.stream().anyMatch(name::startsWith));
        long launchedAt = System.nanoTime();
        Process process = builder.start();
        return new LaunchedRingside(process, launchedAt, log, dataDir, port);
    }

    /**
     * Waits until {@code /login} answers HTTP 200 and returns the time from launch to that answer.
     *
     * @throws IllegalStateException when the process stops first or the timeout passes, with its log's tail
     */
    Duration awaitLoginPage(Duration timeout) throws InterruptedException {
        long deadline = launchedAtNanos + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Ringside stopped during start-up (exit " + process.exitValue()
                        + "); its log " + log + " ends:\n" + logTail(40));
            }
            try {
                HttpResponse<Void> response = http.send(request("/login"), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - launchedAtNanos);
                }
            } catch (ConnectException | HttpTimeoutException notYetListening) {
                // the web server opens its port last
            } catch (IOException e) {
                // a connection reset while Tomcat starts: try again
            }
            Thread.sleep(POLL_EVERY.toMillis());
        }
        throw new IllegalStateException("Ringside did not answer /login within " + timeout.toSeconds() + " s; its log "
                + log + " ends:\n" + logTail(40));
    }

    /** The page at {@code path} (e.g. {@code /login}) as the browser first receives it. */
    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(request(path), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** Whether the process ended, and how, after {@code timeout}; {@code null} while it still runs. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : null;
    }

    String log() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the log, leaving out the JVM's notes on classes it keeps out of an AOT cache. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.contains("][aot]") || line.contains("error"))
                    .toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * Asks Ringside to stop as an init system would (SIGTERM) and waits for it; a JVM writing an AOT cache
     * at exit gets the time it needs. Forcibly stops it only after {@code patience}.
     *
     * @return the exit code, or {@code null} if it had to be killed
     */
    Integer stop(Duration patience) throws InterruptedException {
        process.destroy();
        Integer exit = awaitExit(patience);
        if (exit == null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        Directories.deleteQuietly(dataDir);
        return exit;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            stop(Duration.ofSeconds(30));
        } else {
            Directories.deleteQuietly(dataDir);
        }
    }

    private HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
