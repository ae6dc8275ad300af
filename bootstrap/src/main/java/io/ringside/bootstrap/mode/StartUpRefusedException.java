package io.ringside.bootstrap.mode;

/**
 * Ringside will not start with these settings: says what is wrong and what to do about it.
 * Spring Boot prints the two parts as its "APPLICATION FAILED TO START" report
 * ({@link StartUpRefusedFailureAnalyzer}), not as a stack trace.
 */
public class StartUpRefusedException extends IllegalStateException {

    private final String problem;
    private final String action;

    public StartUpRefusedException(String problem, String action) {
        super(problem + " " + action);
        this.problem = problem;
        this.action = action;
    }

    public String problem() {
        return problem;
    }

    /** What the person starting Ringside should do about it. */
    public String action() {
        return action;
    }
}
