package io.ringside.bootstrap.data;

import io.ringside.bootstrap.mode.DemoMode;
import org.h2.api.ErrorCode;
import org.h2.jdbc.JdbcException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

import java.sql.SQLException;

/**
 * A second Ringside started on the same H2 file: H2 lets one process at a time open a database file (it locks it),
 * so the second one's first connection fails with {@link ErrorCode#DATABASE_ALREADY_OPEN_1} ("Database may be
 * already in use", caused by "The file is locked"). Said as Spring Boot's short report, with what to do, instead of
 * a stack trace through the connection pool and Flyway.
 */
public class H2DatabaseInUseFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    /** @param environment the failed application's, to name its data directory; null names none */
    public H2DatabaseInUseFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && cause instanceof JdbcException
                    && sql.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new FailureAnalysis(
                        "Another Ringside is already running on " + where() + " (H2 allows one at a time).",
                        "Stop it, or run several instances on PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://…).",
                        cause);
            }
        }
        return null;
    }

    /** The data directory when Ringside chose the database file, else the URL the admin set. */
    private String where() {
        if (environment == null) {
            return "the same data directory";
        }
        String url = environment.getProperty(DataDirectoryEnvironmentPostProcessor.DATASOURCE_URL);
        try {
            DataDirectory directory = DataProperties.bind(environment).dataDirectory();
            if (url == null || url.equals(directory.h2Url(DemoMode.isOn(environment)))) {
                return directory.root().toString();
            }
        } catch (RuntimeException unbindable) {
            // A setting that does not bind is reported elsewhere; the URL still says where.
        }
        return url == null ? "the same data directory" : url;
    }
}
