package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A RingCentral refresh token: when it was issued and when it dies. RingCentral rotates it on
 * every refresh, and one unused for 7 days dies. A secret: it never prints its value.
 */
public record RefreshToken(String value, Instant issuedAt, Instant expiresAt) {

    public RefreshToken {
        value = Text.requireText(value, "A refresh token");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("A refresh token must expire after it was issued");
        }
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "RefreshToken[value=" + Secrets.MASK + ", issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "]";
    }
}
