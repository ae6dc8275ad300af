package io.ringside.simulator.settings;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything about the simulated platform a demo, a test or a benchmark may want to change.
 * A value: change it with {@code SimulatedPlatform.updateSettings}, which swaps the whole record.
 *
 * @param clientId                  the one registered app's client id (HTTP Basic user)
 * @param clientSecret              its secret (HTTP Basic password)
 * @param redirectUris              the app's registered redirect URIs; empty accepts any http(s) URI
 *                                  (demo mode learns its port only at start-up)
 * @param authorizationCodeLifetime how long an authorization code can be exchanged (RingCentral: ~60 s)
 * @param accessTokenLifetime       {@code expires_in} of access tokens (RingCentral: 3600 s)
 * @param refreshTokenLifetime      {@code refresh_token_expires_in} (RingCentral: 604800 s, 7 days)
 * @param refreshGrace              how long a rotated-out refresh token still answers with the new pair,
 *                                  counted from the new access token's first use
 * @param callLogDelay              how long after a call ends it appears in the call log (RingCentral: 15–30 s)
 * @param rateLimits                requests per group and window, and the penalty
 * @param generator                 the background caller generator
 * @param userName                  the simulated RingCentral user who consents (owner of the tokens)
 * @param push                      the WebSocket push gateway's tokens, timeouts and recovery
 */
public record SimulatorSettings(
        String clientId,
        String clientSecret,
        List<String> redirectUris,
        Duration authorizationCodeLifetime,
        Duration accessTokenLifetime,
        Duration refreshTokenLifetime,
        Duration refreshGrace,
        Duration callLogDelay,
        RateLimits rateLimits,
        Generator generator,
        String userName,
        Push push) {

    public static final String DEMO_CLIENT_ID = "ringside-demo-client";
    /** Not a secret: the simulator is a demo and test peer, never a real platform. */
    public static final String DEMO_CLIENT_SECRET = "ringside-demo-secret";

    public SimulatorSettings {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        redirectUris = List.copyOf(redirectUris);
        requirePositive(authorizationCodeLifetime, "authorizationCodeLifetime");
        requirePositive(accessTokenLifetime, "accessTokenLifetime");
        requirePositive(refreshTokenLifetime, "refreshTokenLifetime");
        requireNotNegative(refreshGrace, "refreshGrace");
        requireNotNegative(callLogDelay, "callLogDelay");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(generator, "generator");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(push, "push");
    }

    /** RingCentral's own numbers, the demo app's credentials, generator off. */
    public static SimulatorSettings defaults() {
        return new SimulatorSettings(
                DEMO_CLIENT_ID,
                DEMO_CLIENT_SECRET,
                List.of(),
                Duration.ofSeconds(60),
                Duration.ofSeconds(3600),
                Duration.ofSeconds(604800),
                Duration.ofSeconds(10),
                Duration.ofSeconds(20),
                RateLimits.defaults(),
                Generator.defaults(),
                "Alex Morgan",
                Push.defaults());
    }

    public SimulatorSettings withClient(String id, String secret) {
        return new SimulatorSettings(id, secret, redirectUris, authorizationCodeLifetime, accessTokenLifetime,
                refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withRedirectUris(List<String> uris) {
        return new SimulatorSettings(clientId, clientSecret, uris, authorizationCodeLifetime, accessTokenLifetime,
                refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withAuthorizationCodeLifetime(Duration lifetime) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, lifetime, accessTokenLifetime,
                refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withAccessTokenLifetime(Duration lifetime) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime, lifetime,
                refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withRefreshTokenLifetime(Duration lifetime) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, lifetime, refreshGrace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withRefreshGrace(Duration grace) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, grace, callLogDelay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withCallLogDelay(Duration delay) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, delay, rateLimits, generator, userName, push);
    }

    public SimulatorSettings withRateLimits(RateLimits limits) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, callLogDelay, limits, generator, userName, push);
    }

    public SimulatorSettings withGenerator(Generator newGenerator) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, newGenerator,
                userName, push);
    }

    public SimulatorSettings withUserName(String name) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, name, push);
    }

    public SimulatorSettings withPush(Push newPush) {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, callLogDelay, rateLimits, generator, userName,
                newPush);
    }

    /**
     * RingCentral's WebSocket gateway. Lifetimes and timeouts count on the simulator's clock (so
     * {@code advanceClock} ends them); the ping cadence counts in real time, as a network does.
     *
     * @param wsTokenLifetime    how long a {@code ws_access_token} can open a socket (RingCentral: 30 s), once
     * @param recoveryTimeout    how long after a socket drops its session can be recovered with {@code wsc} (180 s)
     * @param recoveryBufferSize how many notifications a dropped session keeps for the replay (100, newest kept)
     * @param idleTimeout        a socket whose client sends nothing this long is closed with WSG-902 (1800 s)
     * @param absoluteTimeout    every socket is closed this long after it opened, with WSG-903 (86400 s)
     * @param pingInterval       how often the server pings each socket (real time)
     * @param pongTimeout        a socket that does not answer a ping within this is closed (RingCentral: 10 s)
     */
    public record Push(Duration wsTokenLifetime, Duration recoveryTimeout, int recoveryBufferSize,
                       Duration idleTimeout, Duration absoluteTimeout, Duration pingInterval, Duration pongTimeout) {

        public Push {
            requirePositive(wsTokenLifetime, "wsTokenLifetime");
            requireNotNegative(recoveryTimeout, "recoveryTimeout");
            if (recoveryBufferSize < 0) {
                throw new IllegalArgumentException("recoveryBufferSize must not be negative");
            }
            requirePositive(idleTimeout, "idleTimeout");
            requirePositive(absoluteTimeout, "absoluteTimeout");
            requirePositive(pingInterval, "pingInterval");
            requirePositive(pongTimeout, "pongTimeout");
        }

        public static Push defaults() {
            return new Push(Duration.ofSeconds(30), Duration.ofSeconds(180), 100, Duration.ofSeconds(1800),
                    Duration.ofSeconds(86400), Duration.ofSeconds(30), Duration.ofSeconds(10));
        }

        public Push withRecoveryTimeout(Duration timeout) {
            return new Push(wsTokenLifetime, timeout, recoveryBufferSize, idleTimeout, absoluteTimeout, pingInterval,
                    pongTimeout);
        }

        public Push withRecoveryBufferSize(int size) {
            return new Push(wsTokenLifetime, recoveryTimeout, size, idleTimeout, absoluteTimeout, pingInterval,
                    pongTimeout);
        }

        public Push withIdleTimeout(Duration timeout) {
            return new Push(wsTokenLifetime, recoveryTimeout, recoveryBufferSize, timeout, absoluteTimeout,
                    pingInterval, pongTimeout);
        }

        public Push withAbsoluteTimeout(Duration timeout) {
            return new Push(wsTokenLifetime, recoveryTimeout, recoveryBufferSize, idleTimeout, timeout, pingInterval,
                    pongTimeout);
        }

        public Push withKeepAlive(Duration newPingInterval, Duration newPongTimeout) {
            return new Push(wsTokenLifetime, recoveryTimeout, recoveryBufferSize, idleTimeout, absoluteTimeout,
                    newPingInterval, newPongTimeout);
        }

        public Push withWsTokenLifetime(Duration lifetime) {
            return new Push(lifetime, recoveryTimeout, recoveryBufferSize, idleTimeout, absoluteTimeout, pingInterval,
                    pongTimeout);
        }
    }

    /**
     * RingCentral's user-level limits: requests per (app, user) and group in a sliding window; over
     * the limit the group is blocked for {@code penalty}, restarted by every call made during it.
     */
    public record RateLimits(int heavy, int medium, int light, int auth, Duration window, Duration penalty) {

        public RateLimits {
            if (heavy < 1 || medium < 1 || light < 1 || auth < 1) {
                throw new IllegalArgumentException("rate limits must be at least 1");
            }
            requirePositive(window, "window");
            requireNotNegative(penalty, "penalty");
        }

        public static RateLimits defaults() {
            return new RateLimits(10, 40, 50, 5, Duration.ofSeconds(60), Duration.ofSeconds(60));
        }

        /** Limits so high that tests not about throttling never meet them. */
        public static RateLimits unlimited() {
            return new RateLimits(1_000_000, 1_000_000, 1_000_000, 1_000_000, Duration.ofSeconds(60),
                    Duration.ofSeconds(60));
        }
    }

    /**
     * Background inbound calls, so a demo's list moves by itself.
     *
     * @param enabled      off by default (tests); demo mode turns it on
     * @param meanInterval average time between two generated calls
     * @param seedHistory  how many ended calls of the last hours to invent at start
     */
    public record Generator(boolean enabled, Duration meanInterval, int seedHistory) {

        public Generator {
            requirePositive(meanInterval, "meanInterval");
            if (seedHistory < 0) {
                throw new IllegalArgumentException("seedHistory must not be negative");
            }
        }

        public static Generator defaults() {
            return new Generator(false, Duration.ofSeconds(90), 6);
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }

    private static void requireNotNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + value);
        }
    }
}
