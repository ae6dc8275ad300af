package io.ringside.application.port.out;

/**
 * Something RingCentral said or failed to say. Messages are written for people and never hold
 * a token, a code or a client secret.
 */
public abstract sealed class RingCentralException extends RuntimeException
        permits RingCentralRejectedException, RingCentralRateLimitedException,
        RingCentralUnavailableException, AccessTokenRejectedException {

    protected RingCentralException(String message, Throwable cause) {
        super(message, cause);
    }
}
