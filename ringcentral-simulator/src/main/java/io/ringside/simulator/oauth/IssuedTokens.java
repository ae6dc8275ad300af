package io.ringside.simulator.oauth;

import java.time.Duration;
import java.time.Instant;

/** The token endpoint's answer, before it becomes JSON: the session and its current pair, seen at {@code now}. */
public record IssuedTokens(OAuthSession session, TokenPair pair, Instant now) {

    public long expiresInSeconds() {
        return secondsUntil(pair.accessExpiresAt());
    }

    public long refreshExpiresInSeconds() {
        return secondsUntil(pair.refreshExpiresAt());
    }

    private long secondsUntil(Instant instant) {
        return Math.max(0, Duration.between(now, instant).toSeconds());
    }
}
