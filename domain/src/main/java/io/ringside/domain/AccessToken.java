package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/** A RingCentral access token and when it expires. A secret: it never prints its value. */
public record AccessToken(String value, Instant expiresAt) {

    public AccessToken {
        value = Text.requireText(value, "An access token");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "AccessToken[value=" + Secrets.MASK + ", expiresAt=" + expiresAt + "]";
    }
}
