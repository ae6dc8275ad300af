package io.ringside.simulator.error;

/**
 * An error of the token or revoke endpoint, in RingCentral's OAuth shape:
 * {@code {"error":"invalid_grant","error_description":…,"errors":[{"errorCode":"OAU-…","message":…}]}}.
 */
public class OAuthException extends RuntimeException {

    private final int status;
    private final String error;
    private final String errorCode;
    private final String parameterName;

    public OAuthException(int status, String error, String errorCode, String description) {
        this(status, error, errorCode, description, null);
    }

    public OAuthException(int status, String error, String errorCode, String description, String parameterName) {
        super(description);
        this.status = status;
        this.error = error;
        this.errorCode = errorCode;
        this.parameterName = parameterName;
    }

    public static OAuthException invalidGrant(String errorCode, String description) {
        return new OAuthException(400, "invalid_grant", errorCode, description);
    }

    public static OAuthException missingParameter(String name) {
        return new OAuthException(400, "invalid_request", "OAU-101", "Parameter [" + name + "] is invalid", name);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }

    public String errorCode() {
        return errorCode;
    }

    public String parameterName() {
        return parameterName;
    }
}
