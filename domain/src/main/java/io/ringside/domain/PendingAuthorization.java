package io.ringside.domain;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An OAuth attempt in flight: the {@code state} that ties RingCentral's redirect back to the admin
 * who started it, and the PKCE verifier the code exchange must present. Used once, for 10 minutes.
 */
public record PendingAuthorization(String state, CodeVerifier codeVerifier, String startedBy, Instant expiresAt) {

    public static final Duration LIFETIME = Duration.ofMinutes(10);

    /** base64url of at least 16 bytes (128 bits). */
    private static final Pattern STATE = Pattern.compile("[A-Za-z0-9_-]{22,128}");

    public PendingAuthorization {
        if (!looksLikeState(state)) {
            throw new IllegalArgumentException("An OAuth state is 22 to 128 URL-safe characters (at least 128 random bits)");
        }
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        startedBy = Text.requireText(startedBy, "Who started connecting");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    public static PendingAuthorization start(String startedBy, Instant now, SecureRandom random) {
        return new PendingAuthorization(RandomText.urlSafe(random, 32), CodeVerifier.random(random), startedBy, now.plus(LIFETIME));
    }

    /** Whether a string could be a state Ringside issued; lets callers refuse junk before a lookup. */
    public static boolean looksLikeState(String candidate) {
        return candidate != null && STATE.matcher(candidate).matches();
    }

    public boolean isExpiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    public String codeChallenge() {
        return codeVerifier.s256Challenge();
    }
}
