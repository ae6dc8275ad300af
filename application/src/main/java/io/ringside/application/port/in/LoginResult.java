package io.ringside.application.port.in;

/** How a login attempt ended. */
public sealed interface LoginResult {

    /** In; {@link UserSummary#mustChangePassword()} says whether the password must be changed first. */
    record Accepted(UserSummary user) implements LoginResult {
    }

    /** Out, with a message for the login form that does not tell whether the username exists. */
    record Refused(Reason reason, String message) implements LoginResult {
    }

    enum Reason {
        /** Wrong username or password (or a disabled person: the form must not tell). */
        BAD_CREDENTIALS,
        /** Too many wrong passwords for this username; try later. */
        LOCKED,
        /** Too many attempts from this address; try later. */
        THROTTLED
    }
}
