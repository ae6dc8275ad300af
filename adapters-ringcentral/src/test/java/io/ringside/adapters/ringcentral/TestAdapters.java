package io.ringside.adapters.ringcentral;

import io.ringside.application.testing.MutableClock;

import java.time.Duration;
import java.time.Instant;

/** Settings for an adapter talking to WireMock: the real defaults, with only waiting made short. */
final class TestAdapters {

    static final String CLIENT_ID = "ringside-client-id";
    static final String CLIENT_SECRET = "Sup3r-Secr3t-Client-Value";
    static final String REDIRECT_URI = "http://localhost:8080/api/ringcentral/callback";
    static final Instant NOW = Instant.parse("2026-11-22T18:30:00Z");

    private TestAdapters() {
    }

    static RingCentralSettings.Builder settings(String baseUrl) {
        return RingCentralSettings.builder()
                .baseUrl(baseUrl)
                .clientId(CLIENT_ID)
                .clientSecret(CLIENT_SECRET)
                .redirectUri(REDIRECT_URI)
                // Generous: the first request of a cold JVM on a busy 2-core machine can take seconds.
                .readTimeout(Duration.ofSeconds(10))
                .retryInitialBackoff(Duration.ofMillis(5))
                .retryMaxBackoff(Duration.ofMillis(20));
    }

    static MutableClock clock() {
        return new MutableClock(NOW);
    }
}
