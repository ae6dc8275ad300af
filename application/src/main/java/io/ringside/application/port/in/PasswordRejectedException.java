package io.ringside.application.port.in;

/** A new password was not accepted; the message names the rule it broke, for the person choosing it. */
public class PasswordRejectedException extends RuntimeException {

    public PasswordRejectedException(String message) {
        super(message);
    }
}
