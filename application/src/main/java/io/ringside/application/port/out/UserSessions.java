package io.ringside.application.port.out;

/** The open console sessions of a person. */
public interface UserSessions {

    /** Ends every open session of {@code username} now (they must log in again). */
    void endAll(String username);
}
