package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ringside.simulator.*}: the simulator's settings as Spring properties. Defaults come from
 * {@link SimulatorSettings#defaults()} so they live in one place.
 */
@ConfigurationProperties(prefix = "ringside.simulator")
public class SimulatorProperties {

    private static final SimulatorSettings DEFAULTS = SimulatorSettings.defaults();

    /** Where the endpoints are mounted, e.g. {@code /simulator}; empty for the root. Read by the mappings. */
    private String pathPrefix = "";
    private String clientId = DEFAULTS.clientId();
    private String clientSecret = DEFAULTS.clientSecret();
    /** Registered redirect URIs; empty accepts any http(s) URI. */
    private List<String> redirectUris = new ArrayList<>(DEFAULTS.redirectUris());
    private Duration authorizationCodeLifetime = DEFAULTS.authorizationCodeLifetime();
    private Duration accessTokenLifetime = DEFAULTS.accessTokenLifetime();
    private Duration refreshTokenLifetime = DEFAULTS.refreshTokenLifetime();
    private Duration refreshGrace = DEFAULTS.refreshGrace();
    private Duration callLogDelay = DEFAULTS.callLogDelay();
    private String userName = DEFAULTS.userName();
    private final RateLimit rateLimit = new RateLimit();
    private final Generator generator = new Generator();
    private final Push push = new Push();

    public SimulatorSettings toSettings() {
        return new SimulatorSettings(clientId, clientSecret, redirectUris, authorizationCodeLifetime,
                accessTokenLifetime, refreshTokenLifetime, refreshGrace, callLogDelay,
                new SimulatorSettings.RateLimits(rateLimit.heavy, rateLimit.medium, rateLimit.light, rateLimit.auth,
                        rateLimit.window, rateLimit.penalty),
                new SimulatorSettings.Generator(generator.enabled, generator.meanInterval, generator.seedHistory),
                userName,
                new SimulatorSettings.Push(push.wsTokenLifetime, push.recoveryTimeout, push.recoveryBufferSize,
                        push.idleTimeout, push.absoluteTimeout, push.pingInterval, push.pongTimeout));
    }

    public static class RateLimit {
        private int heavy = DEFAULTS.rateLimits().heavy();
        private int medium = DEFAULTS.rateLimits().medium();
        private int light = DEFAULTS.rateLimits().light();
        private int auth = DEFAULTS.rateLimits().auth();
        private Duration window = DEFAULTS.rateLimits().window();
        private Duration penalty = DEFAULTS.rateLimits().penalty();

        public int getHeavy() { return heavy; }
        public void setHeavy(int heavy) { this.heavy = heavy; }
        public int getMedium() { return medium; }
        public void setMedium(int medium) { this.medium = medium; }
        public int getLight() { return light; }
        public void setLight(int light) { this.light = light; }
        public int getAuth() { return auth; }
        public void setAuth(int auth) { this.auth = auth; }
        public Duration getWindow() { return window; }
        public void setWindow(Duration window) { this.window = window; }
        public Duration getPenalty() { return penalty; }
        public void setPenalty(Duration penalty) { this.penalty = penalty; }
    }

    public static class Generator {
        private boolean enabled = DEFAULTS.generator().enabled();
        private Duration meanInterval = DEFAULTS.generator().meanInterval();
        private int seedHistory = DEFAULTS.generator().seedHistory();

        public boolean isEnabled() { return enabled; }
        public void setEnabled(boolean enabled) { this.enabled = enabled; }
        public Duration getMeanInterval() { return meanInterval; }
        public void setMeanInterval(Duration meanInterval) { this.meanInterval = meanInterval; }
        public int getSeedHistory() { return seedHistory; }
        public void setSeedHistory(int seedHistory) { this.seedHistory = seedHistory; }
    }

    /** {@code ringside.simulator.push.*}: the WebSocket gateway (see {@link SimulatorSettings.Push}). */
    public static class Push {
        private static final SimulatorSettings.Push PUSH = DEFAULTS.push();
        private Duration wsTokenLifetime = PUSH.wsTokenLifetime();
        private Duration recoveryTimeout = PUSH.recoveryTimeout();
        private int recoveryBufferSize = PUSH.recoveryBufferSize();
        private Duration idleTimeout = PUSH.idleTimeout();
        private Duration absoluteTimeout = PUSH.absoluteTimeout();
        private Duration pingInterval = PUSH.pingInterval();
        private Duration pongTimeout = PUSH.pongTimeout();

        public Duration getWsTokenLifetime() { return wsTokenLifetime; }
        public void setWsTokenLifetime(Duration d) { this.wsTokenLifetime = d; }
        public Duration getRecoveryTimeout() { return recoveryTimeout; }
        public void setRecoveryTimeout(Duration d) { this.recoveryTimeout = d; }
        public int getRecoveryBufferSize() { return recoveryBufferSize; }
        public void setRecoveryBufferSize(int size) { this.recoveryBufferSize = size; }
        public Duration getIdleTimeout() { return idleTimeout; }
        public void setIdleTimeout(Duration d) { this.idleTimeout = d; }
        public Duration getAbsoluteTimeout() { return absoluteTimeout; }
        public void setAbsoluteTimeout(Duration d) { this.absoluteTimeout = d; }
        public Duration getPingInterval() { return pingInterval; }
        public void setPingInterval(Duration d) { this.pingInterval = d; }
        public Duration getPongTimeout() { return pongTimeout; }
        public void setPongTimeout(Duration d) { this.pongTimeout = d; }
    }

    public String getPathPrefix() { return pathPrefix; }
    public void setPathPrefix(String pathPrefix) { this.pathPrefix = pathPrefix; }
    public String getClientId() { return clientId; }
    public void setClientId(String clientId) { this.clientId = clientId; }
    public String getClientSecret() { return clientSecret; }
    public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
    public List<String> getRedirectUris() { return redirectUris; }
    public void setRedirectUris(List<String> redirectUris) { this.redirectUris = redirectUris; }
    public Duration getAuthorizationCodeLifetime() { return authorizationCodeLifetime; }
    public void setAuthorizationCodeLifetime(Duration d) { this.authorizationCodeLifetime = d; }
    public Duration getAccessTokenLifetime() { return accessTokenLifetime; }
    public void setAccessTokenLifetime(Duration d) { this.accessTokenLifetime = d; }
    public Duration getRefreshTokenLifetime() { return refreshTokenLifetime; }
    public void setRefreshTokenLifetime(Duration d) { this.refreshTokenLifetime = d; }
    public Duration getRefreshGrace() { return refreshGrace; }
    public void setRefreshGrace(Duration d) { this.refreshGrace = d; }
    public Duration getCallLogDelay() { return callLogDelay; }
    public void setCallLogDelay(Duration d) { this.callLogDelay = d; }
    public String getUserName() { return userName; }
    public void setUserName(String userName) { this.userName = userName; }
    public RateLimit getRateLimit() { return rateLimit; }
    public Generator getGenerator() { return generator; }
    public Push getPush() { return push; }
}
