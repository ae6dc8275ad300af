package io.ringside.simulator.oauth;

import java.time.Instant;

/**
 * One generation of a session's tokens. A refresh replaces the pair (rotation).
 *
 * @param accessFirstUsedAt when an API call first presented this access token; the grace of the
 *                          previous refresh token runs from here
 */
public record TokenPair(
        String accessToken,
        Instant accessExpiresAt,
        String refreshToken,
        Instant refreshExpiresAt,
        Instant accessFirstUsedAt) {

    public TokenPair firstUsedAt(Instant at) {
        return accessFirstUsedAt != null ? this
                : new TokenPair(accessToken, accessExpiresAt, refreshToken, refreshExpiresAt, at);
    }

    public TokenPair accessExpiringAt(Instant at) {
        return new TokenPair(accessToken, at, refreshToken, refreshExpiresAt, accessFirstUsedAt);
    }

    @Override
    public String toString() {
        return "TokenPair[accessExpiresAt=" + accessExpiresAt + ", refreshExpiresAt=" + refreshExpiresAt + "]";
    }
}
