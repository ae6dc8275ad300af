package io.ringside.application.port.in;

import io.ringside.domain.Password;

/**
 * Someone logs in with a username and password (the login form goes through here). Wrong passwords
 * lock a username for a while, too many attempts from one address are throttled, and every attempt is
 * audited. The refusal never tells whether the username exists.
 */
public interface LogIn {

    LoginResult logIn(String username, Password password, String address);

    /** A person logged out (audited). */
    void loggedOut(String username, String address);

    /** A session ended without a logout: idle, too old, or ended by an admin (audited). */
    void sessionEnded(String username, String why);
}
