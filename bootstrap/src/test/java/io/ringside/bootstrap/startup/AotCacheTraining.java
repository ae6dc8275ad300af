package io.ringside.bootstrap.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The training run that makes Ringside's JDK AOT cache (JEP 483/514, JDK 25+), run by the build after the jar
 * is extracted ({@code bootstrap/pom.xml}, profile {@code aot-cache}).
 *
 * <p>It starts the extracted application once with {@code -XX:AOTCacheOutput}, in demo mode on a free port
 * with a throw-away data directory, waits for the login page, asks for it and its script bundle a few times
 * (so Tomcat's, Spring Security's and Vaadin's request path are in the cache too, not only the start-up),
 * then stops it as an init system would; the JVM writes the cache as it exits. Spring Boot's documented
 * alternative, {@code -Dspring.context.exit=onRefresh}, stops before the web server answers anything
 * ({@code refresh} as the second argument does that, for comparison).
 *
 * <pre>java -cp … AotCacheTraining &lt;extracted dir with ringside.jar&gt; [serve|refresh]</pre>
 *
 * Exits with 1 and the log's tail when no cache came out of it.
 */
public final class AotCacheTraining {

    static final String APPLICATION_JAR = "ringside.jar";
    static final String CACHE_FILE = "ringside.aot";

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration EXIT_TIMEOUT = Duration.ofMinutes(3);
    private static final int PAGE_REQUESTS = 20;
    private static final Pattern SCRIPT_BUNDLE = Pattern.compile("src=\"\\.?/?(VAADIN/build/[^\"]+\\.js)\"");

    private AotCacheTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("Usage: AotCacheTraining <extracted application directory> [serve|refresh]");
            System.exit(2);
        }
        Path applicationDir = Path.of(args[0]).toAbsolutePath();
        boolean serve = args.length < 2 || !args[1].equals("refresh");
        Path cache = applicationDir.resolve(CACHE_FILE);
        Files.deleteIfExists(cache);
        long started = System.nanoTime();
        try {
            train(applicationDir, cache, serve);
        } catch (RuntimeException e) {
            System.err.println("No AOT cache: " + e.getMessage());
            System.err.println("(Ringside still starts without it. To build without the training run: -P '!aot-cache'.)");
            System.exit(1);
        }
        System.out.printf(Locale.ROOT, "AOT cache %s (%d MB) written by a %s training run in %.1f s%n",
                cache, Files.size(cache) >> 20, serve ? "login-page" : "onRefresh",
                (System.nanoTime() - started) / 1e9);
    }

    static void train(Path applicationDir, Path cache, boolean serve) throws IOException, InterruptedException {
        Path log = applicationDir.getParent().resolve("aot-training.log");
        // The JVM notes every class it keeps out of the cache (proxies, classes that failed verification): a few
        // hundred warnings that need no action and would bury a start-up failure in the log.
        List<String> options = serve
                ? List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error")
                : List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot=error", "-Dspring.context.exit=onRefresh");
        try (LaunchedRingside ringside = LaunchedRingside.launch(options, applicationDir.resolve(APPLICATION_JAR), log)) {
            Integer exit;
            if (serve) {
                ringside.awaitLoginPage(START_TIMEOUT);
                exerciseLoginPage(ringside);
                exit = ringside.stop(EXIT_TIMEOUT);
            } else {
                exit = ringside.awaitExit(EXIT_TIMEOUT);
            }
            if (exit == null) {
                throw new IllegalStateException("the training run did not end within " + EXIT_TIMEOUT.toSeconds()
                        + " s; its log " + log + " ends:\n" + ringside.logTail(40));
            }
            if (!Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IllegalStateException("the training run ended (exit " + exit + ") without writing " + cache
                        + "; its log " + log + " ends:\n" + ringside.logTail(40));
            }
        }
    }

    private static void exerciseLoginPage(LaunchedRingside ringside) throws IOException, InterruptedException {
        String page = ringside.get("/login").body();
        Matcher bundle = SCRIPT_BUNDLE.matcher(page);
        String script = bundle.find() ? "/" + bundle.group(1) : null;
        for (int i = 0; i < PAGE_REQUESTS; i++) {
            ringside.get("/login");
            ringside.get("/");
            if (script != null) {
                ringside.get(script);
            }
        }
    }
}
