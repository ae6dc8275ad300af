package io.ringside.bootstrap.startup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the start command runs, as an admin would notice it: the production build serves Vaadin in production
 * mode (no development tools in the page), the extracted application starts with the AOT cache the build
 * trained, and a missing or stale cache costs speed, never the start. Run by failsafe after the package phase
 * (the jar, its extracted form and the cache exist by then).
 */
class ProductionStartIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    /** What Vaadin's development mode puts in every page: the dev-tools and Copilot elements and their script. */
    static final List<String> DEV_MODE_MARKERS = List.of("vaadin-dev-tools", "copilot-main", "Vaadin.devTools");

    private final Path packagedJar = Path.of(System.getProperty("ringside.jar", "target/ringside.jar"));
    private final Path applicationDir = Path.of(System.getProperty("ringside.app.dir", "target/ringside"));
    private final Path logs = packagedJar.toAbsolutePath().getParent().resolve("startup-it");

    @Test
    void thePackagedJarServesTheLoginPageInProductionMode() throws Exception {
        try (LaunchedRingside ringside = LaunchedRingside.launch(List.of(), packagedJar, logs.resolve("packaged.log"))) {
            ringside.awaitLoginPage(START_TIMEOUT);
            HttpResponse<String> login = ringside.get("/login");

            assertThat(login.statusCode()).isEqualTo(200);
            // The production bundle, built by the flow plugin from Vaadin's prebuilt one: this is Vaadin's page.
            assertThat(login.body()).contains("VAADIN/build/");
            assertThat(devModeMarkersIn(login.body())).as("development-mode markers in the login page").isEmpty();
            assertThat(ringside.log()).contains("Vaadin is running in production mode");
        }
    }

    @Test
    void theDevelopmentModeCheckFindsTheDevToolsInADevelopmentPage() {
        // What Vaadin 25's development mode writes into the login page's body (spring-boot:run).
        String developmentPage = "<body><vaadin-dev-tools></vaadin-dev-tools><copilot-main></copilot-main>"
                + "<script>window.Vaadin.devTools = window.Vaadin.devTools || {};</script></body>";

        assertThat(devModeMarkersIn(developmentPage)).containsExactlyElementsOf(DEV_MODE_MARKERS);
    }

    @Test
    void theExtractedApplicationStartsWithTheBuildsAotCache() throws Exception {
        Path cache = applicationDir.resolve(AotCacheTraining.CACHE_FILE);
        assumeCacheTrainedForThisJdk(cache);

        // AOTMode=on: the JVM refuses to start when it cannot use the cache, so a start here is a start with it.
        try (LaunchedRingside ringside = LaunchedRingside.launch(List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"),
                applicationDir.resolve(AotCacheTraining.APPLICATION_JAR), logs.resolve("cached.log"))) {
            ringside.awaitLoginPage(START_TIMEOUT);

            assertThat(ringside.get("/login").statusCode()).isEqualTo(200);
            assertThat(ringside.log()).doesNotContain("[aot]");
        }
    }

    @Test
    void aStaleAotCacheSlowsTheStartButDoesNotStopIt(@TempDir Path copy) throws Exception {
        Path cache = applicationDir.resolve(AotCacheTraining.CACHE_FILE);
        assumeCacheTrainedForThisJdk(cache);
        Directories.copyPreservingTimes(applicationDir, copy);
        // A rebuilt library: the cache remembers each jar's size and time, and no longer fits.
        try (Stream<Path> libraries = Files.list(copy.resolve("lib"))) {
            Path library = libraries.filter(path -> path.toString().endsWith(".jar")).findFirst().orElseThrow();
            Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(60)));
        }
        Path staleCache = copy.resolve(AotCacheTraining.CACHE_FILE);
        Path jar = copy.resolve(AotCacheTraining.APPLICATION_JAR);

        try (LaunchedRingside strict = LaunchedRingside.launch(List.of("-XX:AOTCache=" + staleCache, "-XX:AOTMode=on"),
                jar, logs.resolve("stale-strict.log"))) {
            assertThat(strict.awaitExit(START_TIMEOUT)).as("exit code of a JVM that must use the stale cache")
                    .isNotNull().isNotZero();
            assertThat(strict.log()).contains("timestamp has changed");
        }
        try (LaunchedRingside ringside = LaunchedRingside.launch(List.of("-XX:AOTCache=" + staleCache),
                jar, logs.resolve("stale.log"))) {
            ringside.awaitLoginPage(START_TIMEOUT);

            assertThat(ringside.get("/login").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aMissingAotCacheDoesNotStopTheStart(@TempDir Path nowhere) throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "-XX:AOTCache needs a JDK 25+");
        Path jar = applicationDir.resolve(AotCacheTraining.APPLICATION_JAR);

        try (LaunchedRingside ringside = LaunchedRingside.launch(List.of("-XX:AOTCache=" + nowhere.resolve("ringside.aot")),
                jar, logs.resolve("missing.log"))) {
            ringside.awaitLoginPage(START_TIMEOUT);

            assertThat(ringside.get("/login").statusCode()).isEqualTo(200);
        }
    }

    private static void assumeCacheTrainedForThisJdk(Path cache) {
        assumeTrue(Runtime.version().feature() >= 25 && Files.isRegularFile(cache),
                "no AOT cache at " + cache + " for this JDK: profile aot-cache trains one on JDK 25+");
    }

    static List<String> devModeMarkersIn(String page) {
        return DEV_MODE_MARKERS.stream().filter(page::contains).toList();
    }
}
