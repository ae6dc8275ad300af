package io.ringside.bootstrap.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A logged-in session's clock: who, which session id the login issued, when they logged in, and their last input.
 * Kept in the HTTP session itself (serializable), so it travels with the session.
 *
 * @param sessionId   the id the session got at login; another id means a new login in the same browser session
 * @param lastInputAt the last click, keystroke or page load (never a poll, heartbeat or push)
 */
record SessionLife(String sessionId, String username, Instant loggedInAt, Instant lastInputAt) implements Serializable {

    SessionLife {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(loggedInAt, "loggedInAt");
        Objects.requireNonNull(lastInputAt, "lastInputAt");
    }

    static SessionLife loggedIn(String sessionId, String username, Instant now) {
        return new SessionLife(sessionId, username, now, now);
    }

    SessionLife input(Instant now) {
        return new SessionLife(sessionId, username, loggedInAt, now.isAfter(lastInputAt) ? now : lastInputAt);
    }

    /** Why this session is over at {@code now} ("open for 12 hours", "idle for 30 minutes"), or empty while it lives. */
    Optional<String> endReason(Instant now, SessionSettings settings) {
        if (!now.isBefore(loggedInAt.plus(settings.sessionMaxAge()))) {
            return Optional.of("open for " + SessionSettings.inWords(settings.sessionMaxAge()));
        }
        if (!now.isBefore(lastInputAt.plus(settings.sessionIdleTimeout()))) {
            return Optional.of("idle for " + SessionSettings.inWords(settings.sessionIdleTimeout()));
        }
        return Optional.empty();
    }
}
