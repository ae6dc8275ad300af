package io.ringside.application.port.out;

/** A new person's username is someone else's already. */
public class UsernameTakenException extends RuntimeException {

    public UsernameTakenException(String username) {
        super("The username " + username + " is taken");
    }
}
