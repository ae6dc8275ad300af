package io.ringside.adapters.ringcentral;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * Everything the RingCentral adapter can be told: each component is one property under
 * {@code ringcentral.*}, the kebab-case of its name ({@code readTimeout} is {@code ringcentral.read-timeout}),
 * and this list is the only place they are spelled out: bootstrap binds the properties onto this
 * record's constructor. A component left {@code null} takes its default, so the defaults live here
 * too, once. A bad value fails here, with a message naming the setting, so start-up stops instead
 * of the first call failing. The client secret never prints.
 */
public record RingCentralSettings(
        URI baseUrl,
        String clientId,
        String clientSecret,
        URI redirectUri,
        Duration connectTimeout,
        Duration readTimeout,
        ByteSize maxResponseSize,
        CallLogScope callLogScope,
        Integer callLogPerPage,
        Integer callLogMaxPages,
        Integer rateLimitHeavy,
        Integer rateLimitMedium,
        Integer rateLimitLight,
        Integer rateLimitAuth,
        Duration rateLimitWindow,
        Duration retryAfterDefault,
        Integer retryAttempts,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        Integer circuitBreakerMinimumCalls,
        Integer circuitBreakerFailureRate,
        Duration circuitBreakerOpenDuration,
        Boolean pushEnabled,
        Duration pushHeartbeatInterval,
        Duration pushHeartbeatTimeout,
        Duration pushReconnectInitialBackoff,
        Duration pushReconnectMaxBackoff) {

    public static final URI PRODUCTION = URI.create("https://platform.ringcentral.com");
    public static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost:8080/api/ringcentral/callback");
    /** Hosts that never leave this machine: the only ones RingCentral traffic may reach over plain http. */
    public static final Set<String> LOOPBACK_HOSTS = Set.of("localhost", "127.0.0.1", "::1");

    public RingCentralSettings {
        baseUrl = requireServer(orDefault(baseUrl, PRODUCTION));
        clientId = requireText(clientId, "ringcentral.client-id");
        clientSecret = requireText(clientSecret, "ringcentral.client-secret");
        redirectUri = requireRedirectUri(orDefault(redirectUri, DEFAULT_REDIRECT_URI));
        connectTimeout = requireBetween(orDefault(connectTimeout, Duration.ofSeconds(5)),
                Duration.ofSeconds(1), Duration.ofSeconds(60), "ringcentral.connect-timeout");
        readTimeout = requireBetween(orDefault(readTimeout, Duration.ofSeconds(15)),
                Duration.ofSeconds(1), Duration.ofSeconds(120), "ringcentral.read-timeout");
        // A call-log page of 1000 records is well under a megabyte; the cap only stops a runaway answer.
        maxResponseSize = requireBetween(orDefault(maxResponseSize, ByteSize.ofMegabytes(5)),
                ByteSize.ofKilobytes(64), ByteSize.ofMegabytes(100), "ringcentral.max-response-size");
        callLogScope = orDefault(callLogScope, CallLogScope.ACCOUNT);
        // RingCentral serves at most 1000 records a page.
        callLogPerPage = requireBetween(orDefault(callLogPerPage, 100), 1, 1000, "ringcentral.call-log-per-page");
        callLogMaxPages = requireBetween(orDefault(callLogMaxPages, 5), 1, 50, "ringcentral.call-log-max-pages");
        // RingCentral's own limits per user and app by default.
        rateLimitHeavy = requireBetween(orDefault(rateLimitHeavy, 10), 1, 1000, "ringcentral.rate-limit-heavy");
        rateLimitMedium = requireBetween(orDefault(rateLimitMedium, 40), 1, 1000, "ringcentral.rate-limit-medium");
        rateLimitLight = requireBetween(orDefault(rateLimitLight, 50), 1, 1000, "ringcentral.rate-limit-light");
        rateLimitAuth = requireBetween(orDefault(rateLimitAuth, 5), 1, 1000, "ringcentral.rate-limit-auth");
        rateLimitWindow = requireBetween(orDefault(rateLimitWindow, Duration.ofSeconds(60)),
                Duration.ofSeconds(1), Duration.ofMinutes(10), "ringcentral.rate-limit-window");
        retryAfterDefault = requireBetween(orDefault(retryAfterDefault, Duration.ofSeconds(60)),
                Duration.ofSeconds(1), Duration.ofMinutes(10), "ringcentral.retry-after-default");
        retryAttempts = requireBetween(orDefault(retryAttempts, 3), 1, 10, "ringcentral.retry-attempts");
        retryInitialBackoff = requireBetween(orDefault(retryInitialBackoff, Duration.ofMillis(500)),
                Duration.ofMillis(1), Duration.ofSeconds(10), "ringcentral.retry-initial-backoff");
        retryMaxBackoff = requireBetween(orDefault(retryMaxBackoff, Duration.ofSeconds(5)),
                retryInitialBackoff, Duration.ofSeconds(60), "ringcentral.retry-max-backoff");
        circuitBreakerMinimumCalls = requireBetween(orDefault(circuitBreakerMinimumCalls, 5), 1, 1000,
                "ringcentral.circuit-breaker-minimum-calls");
        circuitBreakerFailureRate = requireBetween(orDefault(circuitBreakerFailureRate, 50), 1, 100,
                "ringcentral.circuit-breaker-failure-rate");
        circuitBreakerOpenDuration = requireBetween(orDefault(circuitBreakerOpenDuration, Duration.ofSeconds(30)),
                Duration.ofSeconds(1), Duration.ofMinutes(30), "ringcentral.circuit-breaker-open-duration");
        pushEnabled = orDefault(pushEnabled, true);
        // Under RingCentral's 30 min idle timeout (WSG-902), with room for the heartbeat's answer.
        pushHeartbeatInterval = requireBetween(orDefault(pushHeartbeatInterval, Duration.ofSeconds(30)),
                Duration.ofMillis(100), Duration.ofMinutes(25), "ringcentral.push-heartbeat-interval");
        pushHeartbeatTimeout = requireBetween(orDefault(pushHeartbeatTimeout, Duration.ofSeconds(10)),
                Duration.ofMillis(100), Duration.ofSeconds(120), "ringcentral.push-heartbeat-timeout");
        pushReconnectInitialBackoff = requireBetween(orDefault(pushReconnectInitialBackoff, Duration.ofSeconds(1)),
                Duration.ofMillis(10), Duration.ofSeconds(60), "ringcentral.push-reconnect-initial-backoff");
        // Beyond RingCentral's 180 s recovery timeout a reconnect can no longer replay what was missed.
        pushReconnectMaxBackoff = requireBetween(orDefault(pushReconnectMaxBackoff, Duration.ofSeconds(60)),
                pushReconnectInitialBackoff, Duration.ofMinutes(10), "ringcentral.push-reconnect-max-backoff");
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this record's values, to change a few. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String toString() {
        return "RingCentralSettings[baseUrl=" + baseUrl + ", clientId=" + clientId + ", clientSecret=********"
                + ", redirectUri=" + redirectUri + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxResponseSize=" + maxResponseSize
                + ", callLogScope=" + callLogScope + ", callLogPerPage=" + callLogPerPage + ", callLogMaxPages=" + callLogMaxPages
                + ", rateLimits(Heavy/Medium/Light/Auth)=" + rateLimitHeavy + "/" + rateLimitMedium + "/" + rateLimitLight
                + "/" + rateLimitAuth + " per " + rateLimitWindow + ", retryAfterDefault=" + retryAfterDefault
                + ", retryAttempts=" + retryAttempts + ", retryBackoff=" + retryInitialBackoff + ".." + retryMaxBackoff
                + ", circuitBreaker=" + circuitBreakerFailureRate + "% of " + circuitBreakerMinimumCalls + "+ calls, open "
                + circuitBreakerOpenDuration + ", pushEnabled=" + pushEnabled
                + ", pushHeartbeat=" + pushHeartbeatInterval + " (answer within " + pushHeartbeatTimeout + ")"
                + ", pushReconnectBackoff=" + pushReconnectInitialBackoff + ".." + pushReconnectMaxBackoff + "]";
    }

    int limitOf(RateLimitGroup group) {
        return switch (group) {
            case HEAVY -> rateLimitHeavy;
            case MEDIUM -> rateLimitMedium;
            case LIGHT -> rateLimitLight;
            case AUTH -> rateLimitAuth;
        };
    }

    private static URI requireServer(URI baseUrl) {
        URI server = requireHttpsUnlessLoopback(baseUrl, "ringcentral.base-url",
                "the access token and the client secret travel to it");
        if (server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new IllegalArgumentException("ringcentral.base-url must be a server address without query or fragment, e.g. " + PRODUCTION);
        }
        // Paths are appended to it: drop a trailing slash so they never double up.
        String text = server.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : server;
    }

    private static URI requireRedirectUri(URI redirectUri) {
        return requireHttpsUnlessLoopback(redirectUri, "ringcentral.redirect-uri",
                "RingCentral sends the browser back to it with the authorization code");
    }

    /**
     * An absolute https URL, or http to this machine only: plain http anywhere else lets the network
     * read what travels, and a start-up refusal is cheaper than a leaked token.
     */
    private static URI requireHttpsUnlessLoopback(URI uri, String setting, String why) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException(setting + " must be an absolute https URL, e.g. "
                    + (setting.endsWith("base-url") ? PRODUCTION : "https://ringside.example.com/api/ringcentral/callback")
                    + ", not '" + uri + "'");
        }
        if (scheme.equals("http") && !isLoopback(uri)) {
            throw new IllegalArgumentException(setting + " must start with https:// (" + why + "); plain http is allowed only to "
                    + "this machine (localhost, 127.0.0.1, [::1]), not to '" + uri.getHost() + "'. Use https://" + uri.getRawAuthority()
                    + (uri.getRawPath() == null ? "" : uri.getRawPath()) + ".");
        }
        return uri;
    }

    /** True for the three names of this machine, localhost, 127.0.0.1 and ::1 (which a URI writes as [::1]). */
    public static boolean isLoopback(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return LOOPBACK_HOSTS.contains(bare.toLowerCase(Locale.ROOT));
    }

    private static <T> T orDefault(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static String requireText(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return value.strip();
    }

    private static Duration requireBetween(Duration value, Duration min, Duration max, String setting) {
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + describe(min) + " and " + describe(max)
                    + ", not " + describe(value));
        }
        return value;
    }

    private static ByteSize requireBetween(ByteSize value, ByteSize min, ByteSize max, String setting) {
        if (value.bytes() < min.bytes() || value.bytes() > max.bytes()) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static Integer requireBetween(Integer value, int min, int max, String setting) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", not " + value);
        }
        return value;
    }

    private static String describe(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        return duration.toSeconds() + "s";
    }

    /** Collects values for the record; whatever is not set takes the record's default. */
    public static final class Builder {
        private URI baseUrl;
        private String clientId;
        private String clientSecret;
        private URI redirectUri;
        private Duration connectTimeout;
        private Duration readTimeout;
        private ByteSize maxResponseSize;
        private CallLogScope callLogScope;
        private Integer callLogPerPage;
        private Integer callLogMaxPages;
        private Integer rateLimitHeavy;
        private Integer rateLimitMedium;
        private Integer rateLimitLight;
        private Integer rateLimitAuth;
        private Duration rateLimitWindow;
        private Duration retryAfterDefault;
        private Integer retryAttempts;
        private Duration retryInitialBackoff;
        private Duration retryMaxBackoff;
        private Integer circuitBreakerMinimumCalls;
        private Integer circuitBreakerFailureRate;
        private Duration circuitBreakerOpenDuration;
        private Boolean pushEnabled;
        private Duration pushHeartbeatInterval;
        private Duration pushHeartbeatTimeout;
        private Duration pushReconnectInitialBackoff;
        private Duration pushReconnectMaxBackoff;

        private Builder() {
        }

        private Builder(RingCentralSettings s) {
            baseUrl = s.baseUrl;
            clientId = s.clientId;
            clientSecret = s.clientSecret;
            redirectUri = s.redirectUri;
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
            maxResponseSize = s.maxResponseSize;
            callLogScope = s.callLogScope;
            callLogPerPage = s.callLogPerPage;
            callLogMaxPages = s.callLogMaxPages;
            rateLimitHeavy = s.rateLimitHeavy;
            rateLimitMedium = s.rateLimitMedium;
            rateLimitLight = s.rateLimitLight;
            rateLimitAuth = s.rateLimitAuth;
            rateLimitWindow = s.rateLimitWindow;
            retryAfterDefault = s.retryAfterDefault;
            retryAttempts = s.retryAttempts;
            retryInitialBackoff = s.retryInitialBackoff;
            retryMaxBackoff = s.retryMaxBackoff;
            circuitBreakerMinimumCalls = s.circuitBreakerMinimumCalls;
            circuitBreakerFailureRate = s.circuitBreakerFailureRate;
            circuitBreakerOpenDuration = s.circuitBreakerOpenDuration;
            pushEnabled = s.pushEnabled;
            pushHeartbeatInterval = s.pushHeartbeatInterval;
            pushHeartbeatTimeout = s.pushHeartbeatTimeout;
            pushReconnectInitialBackoff = s.pushReconnectInitialBackoff;
            pushReconnectMaxBackoff = s.pushReconnectMaxBackoff;
        }

        public Builder baseUrl(URI value) { baseUrl = value; return this; }
        public Builder baseUrl(String value) { baseUrl = value == null ? null : URI.create(value.strip()); return this; }
        public Builder clientId(String value) { clientId = value; return this; }
        public Builder clientSecret(String value) { clientSecret = value; return this; }
        public Builder redirectUri(URI value) { redirectUri = value; return this; }
        public Builder redirectUri(String value) { redirectUri = value == null ? null : URI.create(value.strip()); return this; }
        public Builder connectTimeout(Duration value) { connectTimeout = value; return this; }
        public Builder readTimeout(Duration value) { readTimeout = value; return this; }
        public Builder maxResponseSize(ByteSize value) { maxResponseSize = value; return this; }
        public Builder callLogScope(CallLogScope value) { callLogScope = value; return this; }
        public Builder callLogPerPage(int value) { callLogPerPage = value; return this; }
        public Builder callLogMaxPages(int value) { callLogMaxPages = value; return this; }
        public Builder rateLimitHeavy(int value) { rateLimitHeavy = value; return this; }
        public Builder rateLimitMedium(int value) { rateLimitMedium = value; return this; }
        public Builder rateLimitLight(int value) { rateLimitLight = value; return this; }
        public Builder rateLimitAuth(int value) { rateLimitAuth = value; return this; }
        public Builder rateLimitWindow(Duration value) { rateLimitWindow = value; return this; }
        public Builder retryAfterDefault(Duration value) { retryAfterDefault = value; return this; }
        public Builder retryAttempts(int value) { retryAttempts = value; return this; }
        public Builder retryInitialBackoff(Duration value) { retryInitialBackoff = value; return this; }
        public Builder retryMaxBackoff(Duration value) { retryMaxBackoff = value; return this; }
        public Builder circuitBreakerMinimumCalls(int value) { circuitBreakerMinimumCalls = value; return this; }
        public Builder circuitBreakerFailureRate(int value) { circuitBreakerFailureRate = value; return this; }
        public Builder circuitBreakerOpenDuration(Duration value) { circuitBreakerOpenDuration = value; return this; }
        public Builder pushEnabled(boolean value) { pushEnabled = value; return this; }
        public Builder pushHeartbeatInterval(Duration value) { pushHeartbeatInterval = value; return this; }
        public Builder pushHeartbeatTimeout(Duration value) { pushHeartbeatTimeout = value; return this; }
        public Builder pushReconnectInitialBackoff(Duration value) { pushReconnectInitialBackoff = value; return this; }
        public Builder pushReconnectMaxBackoff(Duration value) { pushReconnectMaxBackoff = value; return this; }

        public RingCentralSettings build() {
            return new RingCentralSettings(baseUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout,
                    maxResponseSize, callLogScope, callLogPerPage, callLogMaxPages, rateLimitHeavy, rateLimitMedium,
                    rateLimitLight, rateLimitAuth, rateLimitWindow, retryAfterDefault, retryAttempts, retryInitialBackoff,
                    retryMaxBackoff, circuitBreakerMinimumCalls, circuitBreakerFailureRate, circuitBreakerOpenDuration,
                    pushEnabled, pushHeartbeatInterval, pushHeartbeatTimeout, pushReconnectInitialBackoff, pushReconnectMaxBackoff);
        }
    }
}
