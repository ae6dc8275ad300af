package io.ringside.bootstrap.testing;

import io.ringside.bootstrap.RingsideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Starts Ringside in a throw-away data directory and returns why it refused to start (every cause's message). */
public final class RefusedStartUp {

    private RefusedStartUp() {
    }

    /** Ringside on a free port, scheduling and the demo call generator off, plus {@code arguments}. */
    public static String[] withDefaults(Path dataDir, String... arguments) {
        List<String> args = new ArrayList<>(List.of("--ringside.data-dir=" + dataDir, "--ringside.scheduling.enabled=false",
                "--ringside.simulator.generator.enabled=false", "--server.port=0"));
        args.addAll(List.of(arguments));
        return args.toArray(String[]::new);
    }

    public static String failureOf(Path dataDir, String... arguments) {
        SpringApplication application = new SpringApplication(RingsideApplication.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        return failureOf(application, dataDir, arguments);
    }

    /** Fails the test if Ringside starts. */
    public static String failureOf(SpringApplication application, Path dataDir, String... arguments) {
        String[] args = withDefaults(dataDir, arguments);
        Throwable failure = catchThrowable(() -> {
            try (ConfigurableApplicationContext ignored = application.run(args)) {
                // started: no failure
            }
        });
        assertThat(failure).as("start-up with %s must fail", List.of(arguments)).isNotNull();
        StringBuilder messages = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            messages.append(cause.getMessage()).append('\n');
        }
        return messages.toString();
    }
}
