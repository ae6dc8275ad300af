package io.ringside.application.port.in;

/**
 * A change to the people who log in was refused; the message says why in words for the admin
 * ("Ringside needs at least one enabled admin", "The username maria is taken", "Someone else changed
 * Maria meanwhile; reload and try again").
 */
public class UserChangeRefusedException extends RuntimeException {

    public UserChangeRefusedException(String message) {
        super(message);
    }
}
