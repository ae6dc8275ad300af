package io.ringside.bootstrap.data;

/** Ringside cannot start without a usable encryption key; says what is wrong and what to do. */
public class InvalidEncryptionKeyException extends IllegalStateException {

    private final String problem;
    private final String action;

    InvalidEncryptionKeyException(String problem, String action, Throwable cause) {
        super(problem + " " + action, cause);
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
