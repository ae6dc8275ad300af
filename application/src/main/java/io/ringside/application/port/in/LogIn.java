package io.ringside.application.port.in;

import io.ringside.domain.Password;

/**
 * Someone logs in with a username and password (the login form goes through here). Wrong passwords
 * lock a username for a while, too many attempts from one address are throttled, and every attempt is
 * audited. The refusal never tells whether the username exists.
 */
public interface LogIn {

    LoginResult logIn(String username, Password password, String address);

    /**
     * A machine checks a person's credentials for one request (a Prometheus scraper's HTTP Basic on the Actuator
     * endpoints): the same password check, lockout and throttle as {@link #logIn}, and a refusal is audited and
     * counted the same way. A success, though, is no login: it is not audited and is not the person's last login,
     * since a scraper asks every 15 seconds and would bury the audit trail. Nor does it clear the count of wrong
     * passwords (only a person logging in does), so a busy scraper gives a guesser no fresh attempts.
     *
     * @param via who is asking, for the audit trail's detail, e.g. "Actuator (HTTP Basic)"
     */
    LoginResult verify(String username, Password password, String address, String via);

    /** A person logged out (audited). */
    void loggedOut(String username, String address);

    /** A session ended without a logout: idle, too old, or ended by an admin (audited). */
    void sessionEnded(String username, String why);
}
