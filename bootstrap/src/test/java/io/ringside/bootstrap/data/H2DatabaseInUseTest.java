package io.ringside.bootstrap.data;

import io.ringside.bootstrap.testing.RefusedStartUp;
import org.h2.api.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * H2 lets one process at a time open a database file. Within one JVM a second open simply shares the database, so
 * the "other Ringside" here is another JVM: H2's own shell, holding the file open as a running Ringside would.
 */
@ExtendWith(OutputCaptureExtension.class)
class H2DatabaseInUseTest {

    @TempDir
    Path dataDir;

    /** Another process with the database file open, until closed. */
    static final class AnotherProcessHolding implements AutoCloseable {
        private final Process process;

        AnotherProcessHolding(String url) throws Exception {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            process = new ProcessBuilder(java.toString(), "-cp", h2Jar().toString(), "org.h2.tools.Shell",
                    "-url", url, "-user", "sa", "-password", "")
                    .redirectErrorStream(true).start();
            // The shell prompts once it has connected, that is once the file is open and locked.
            CompletableFuture<String> prompted = CompletableFuture.supplyAsync(() -> readUntilPrompt(process.getInputStream()));
            assertThat(prompted.get(60, TimeUnit.SECONDS)).as("the other process's output").contains("sql>");
        }

        private static Path h2Jar() throws URISyntaxException {
            return Path.of(org.h2.Driver.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        }

        private static String readUntilPrompt(InputStream output) {
            StringBuilder seen = new StringBuilder();
            try {
                for (int next = output.read(); next != -1; next = output.read()) {
                    seen.append((char) next);
                    if (seen.indexOf("sql>") >= 0) {
                        break;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new String(seen.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private MockEnvironment ringsideOn(Path directory) {
        return new MockEnvironment().withProperty(DataDirectory.PROPERTY, directory.toString());
    }

    @Test
    void theLockH2ReportsWhenAnotherProcessHasTheFileIsExplainedNamingTheDataDirectory() throws Exception {
        String url = new DataDirectory(dataDir).h2Url(false);
        SQLException refused;
        try (AnotherProcessHolding ignored = new AnotherProcessHolding(url)) {
            refused = catchThrowableOfType(SQLException.class, () -> DriverManager.getConnection(url, "sa", "").close());
        }
        assertThat(refused.getErrorCode()).isEqualTo(ErrorCode.DATABASE_ALREADY_OPEN_1);

        MockEnvironment environment = ringsideOn(dataDir)
                .withProperty("ringcentral.client-id", "id").withProperty("ringcentral.client-secret", "secret")
                .withProperty("spring.datasource.url", url);
        FailureAnalysis analysis = new H2DatabaseInUseFailureAnalyzer(environment)
                .analyze(new BeanCreationException("flywayInitializer", "Failed to initialize", new IllegalStateException(refused)));

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .isEqualTo("Another Ringside is already running on " + dataDir.toAbsolutePath().normalize()
                        + " (H2 allows one at a time).");
        assertThat(analysis.getAction()).isEqualTo(
                "Stop it, or run several instances on PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://…).");
    }

    @Test
    void anH2FileTheAdminNamedIsNamedByItsUrl() {
        String theirs = "jdbc:h2:file:/srv/ringside/db";
        SQLException inUse = new org.h2.jdbc.JdbcSQLNonTransientConnectionException("Database may be already in use",
                null, "90020", ErrorCode.DATABASE_ALREADY_OPEN_1, null, null);

        FailureAnalysis analysis = new H2DatabaseInUseFailureAnalyzer(ringsideOn(dataDir).withProperty("spring.datasource.url", theirs))
                .analyze(new IllegalStateException(inUse));

        assertThat(analysis.getDescription()).startsWith("Another Ringside is already running on " + theirs + " (");
    }

    @Test
    void otherDatabaseFailuresAreLeftToTheirOwnReports() {
        SQLException missing = catchThrowableOfType(SQLException.class,
                () -> DriverManager.getConnection("jdbc:h2:mem:nowhere;IFEXISTS=TRUE", "sa", "").close());
        H2DatabaseInUseFailureAnalyzer analyzer = new H2DatabaseInUseFailureAnalyzer(ringsideOn(dataDir));

        assertThat(analyzer.analyze(new IllegalStateException(missing))).isNull();
        assertThat(analyzer.analyze(new SQLException("PostgreSQL, same number", "90020", ErrorCode.DATABASE_ALREADY_OPEN_1)))
                .as("not H2's").isNull();
    }

    @Test
    void aSecondRingsideOnTheSameDataDirectoryStopsWithTheShortReport(CapturedOutput output) throws Exception {
        // With no RingCentral credentials Ringside starts in demo mode, on the demo database.
        try (AnotherProcessHolding ignored = new AnotherProcessHolding(new DataDirectory(dataDir).h2Url(true))) {
            RefusedStartUp.failureOf(dataDir);
        }

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Another Ringside is already running on " + dataDir.toAbsolutePath().normalize()
                        + " (H2 allows one at a time).")
                .contains("Stop it, or run several instances on PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://…).");
    }
}
