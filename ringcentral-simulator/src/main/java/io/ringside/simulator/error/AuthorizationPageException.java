package io.ringside.simulator.error;

/**
 * The authorize request is so wrong (unknown client, bad redirect URI) that the platform must not
 * redirect anywhere: RingCentral shows its own error page instead.
 */
public class AuthorizationPageException extends RuntimeException {

    private final String errorCode;

    public AuthorizationPageException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
