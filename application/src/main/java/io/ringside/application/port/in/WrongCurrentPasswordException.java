package io.ringside.application.port.in;

/**
 * The password change was refused because the current password was not right (rather than because the new
 * one broke a rule), so the form can put the message on the right field.
 */
public class WrongCurrentPasswordException extends PasswordRejectedException {

    public WrongCurrentPasswordException(String message) {
        super(message);
    }
}
