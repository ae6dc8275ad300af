package io.ringside.adapters.ringcentral;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything the RingCentral adapter can be told. Each component is one property under
 * {@code ringcentral.*} (kebab-case of the component name, e.g. {@code readTimeout} is
 * {@code ringcentral.read-timeout}), except {@code defaultRegion}, which is Ringside's shared
 * {@code ringside.phone.default-region}. A bad value fails here, with a message naming the setting,
 * so start-up stops instead of the first call failing. Start from {@link #builder()}: it holds the defaults.
 * The client secret never prints.
 */
public record RingCentralSettings(
        URI baseUrl,
        String clientId,
        String clientSecret,
        URI redirectUri,
        Duration connectTimeout,
        Duration readTimeout,
        CallLogScope callLogScope,
        int callLogPerPage,
        int callLogMaxPages,
        int rateLimitHeavy,
        int rateLimitMedium,
        int rateLimitLight,
        int rateLimitAuth,
        Duration rateLimitWindow,
        Duration retryAfterDefault,
        int retryAttempts,
        Duration retryInitialBackoff,
        Duration retryMaxBackoff,
        int circuitBreakerMinimumCalls,
        int circuitBreakerFailureRate,
        Duration circuitBreakerOpenDuration,
        String defaultRegion,
        boolean pushEnabled,
        Duration pushHeartbeatInterval,
        Duration pushHeartbeatTimeout,
        Duration pushReconnectInitialBackoff,
        Duration pushReconnectMaxBackoff) {

    public static final URI PRODUCTION = URI.create("https://platform.ringcentral.com");
    public static final URI DEFAULT_REDIRECT_URI = URI.create("http://localhost:8080/api/ringcentral/callback");

    public RingCentralSettings {
        baseUrl = requireServer(baseUrl);
        clientId = requireText(clientId, "ringcentral.client-id");
        clientSecret = requireText(clientSecret, "ringcentral.client-secret");
        redirectUri = requireAbsoluteHttp(redirectUri, "ringcentral.redirect-uri");
        requireBetween(connectTimeout, Duration.ofSeconds(1), Duration.ofSeconds(60), "ringcentral.connect-timeout");
        requireBetween(readTimeout, Duration.ofSeconds(1), Duration.ofSeconds(120), "ringcentral.read-timeout");
        Objects.requireNonNull(callLogScope, "ringcentral.call-log-scope must be ACCOUNT or EXTENSION");
        // RingCentral serves at most 1000 records a page.
        requireBetween(callLogPerPage, 1, 1000, "ringcentral.call-log-per-page");
        requireBetween(callLogMaxPages, 1, 50, "ringcentral.call-log-max-pages");
        requireBetween(rateLimitHeavy, 1, 1000, "ringcentral.rate-limit-heavy");
        requireBetween(rateLimitMedium, 1, 1000, "ringcentral.rate-limit-medium");
        requireBetween(rateLimitLight, 1, 1000, "ringcentral.rate-limit-light");
        requireBetween(rateLimitAuth, 1, 1000, "ringcentral.rate-limit-auth");
        requireBetween(rateLimitWindow, Duration.ofSeconds(1), Duration.ofMinutes(10), "ringcentral.rate-limit-window");
        requireBetween(retryAfterDefault, Duration.ofSeconds(1), Duration.ofMinutes(10), "ringcentral.retry-after-default");
        requireBetween(retryAttempts, 1, 10, "ringcentral.retry-attempts");
        requireBetween(retryInitialBackoff, Duration.ofMillis(1), Duration.ofSeconds(10), "ringcentral.retry-initial-backoff");
        requireBetween(retryMaxBackoff, retryInitialBackoff, Duration.ofSeconds(60), "ringcentral.retry-max-backoff");
        requireBetween(circuitBreakerMinimumCalls, 1, 1000, "ringcentral.circuit-breaker-minimum-calls");
        requireBetween(circuitBreakerFailureRate, 1, 100, "ringcentral.circuit-breaker-failure-rate");
        requireBetween(circuitBreakerOpenDuration, Duration.ofSeconds(1), Duration.ofMinutes(30), "ringcentral.circuit-breaker-open-duration");
        defaultRegion = requireRegion(defaultRegion);
        // Under RingCentral's 30 min idle timeout (WSG-902), with room for the heartbeat's answer.
        requireBetween(pushHeartbeatInterval, Duration.ofMillis(100), Duration.ofMinutes(25), "ringcentral.push-heartbeat-interval");
        requireBetween(pushHeartbeatTimeout, Duration.ofMillis(100), Duration.ofSeconds(120), "ringcentral.push-heartbeat-timeout");
        requireBetween(pushReconnectInitialBackoff, Duration.ofMillis(10), Duration.ofSeconds(60), "ringcentral.push-reconnect-initial-backoff");
        // Beyond RingCentral's 180 s recovery timeout a reconnect can no longer replay what was missed.
        requireBetween(pushReconnectMaxBackoff, pushReconnectInitialBackoff, Duration.ofMinutes(10), "ringcentral.push-reconnect-max-backoff");
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
                + ", callLogScope=" + callLogScope + ", callLogPerPage=" + callLogPerPage + ", callLogMaxPages=" + callLogMaxPages
                + ", rateLimits(Heavy/Medium/Light/Auth)=" + rateLimitHeavy + "/" + rateLimitMedium + "/" + rateLimitLight
                + "/" + rateLimitAuth + " per " + rateLimitWindow + ", retryAfterDefault=" + retryAfterDefault
                + ", retryAttempts=" + retryAttempts + ", retryBackoff=" + retryInitialBackoff + ".." + retryMaxBackoff
                + ", circuitBreaker=" + circuitBreakerFailureRate + "% of " + circuitBreakerMinimumCalls + "+ calls, open "
                + circuitBreakerOpenDuration + ", defaultRegion=" + defaultRegion + ", pushEnabled=" + pushEnabled
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
        URI server = requireAbsoluteHttp(baseUrl, "ringcentral.base-url");
        if (server.getRawQuery() != null || server.getRawFragment() != null) {
            throw new IllegalArgumentException("ringcentral.base-url must be a server address without query or fragment, e.g. " + PRODUCTION);
        }
        // Paths are appended to it: drop a trailing slash so they never double up.
        String text = server.toString();
        return text.endsWith("/") ? URI.create(text.substring(0, text.length() - 1)) : server;
    }

    private static URI requireAbsoluteHttp(URI uri, String setting) {
        if (uri == null || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(setting + " must be an absolute http(s) URL, not '" + uri + "'");
        }
        return uri;
    }

    private static String requireText(String value, String setting) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(setting + " is required");
        }
        return value.strip();
    }

    private static void requireBetween(Duration value, Duration min, Duration max, String setting) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + describe(min) + " and " + describe(max)
                    + (value == null ? " (it is missing)" : ", not " + describe(value)));
        }
    }

    private static void requireBetween(int value, int min, int max, String setting) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    private static String requireRegion(String region) {
        String upper = region == null ? "" : region.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(upper)) {
            throw new IllegalArgumentException("ringside.phone.default-region must be a two-letter region code such as US or GB, not '" + region + "'");
        }
        return upper;
    }

    private static String describe(Duration duration) {
        if (duration.toMillisPart() != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        return duration.toSeconds() + "s";
    }

    /** Defaults: production server, RingCentral's own rate limits, 5 s connect and 15 s read timeouts. */
    public static final class Builder {
        private URI baseUrl = PRODUCTION;
        private String clientId;
        private String clientSecret;
        private URI redirectUri = DEFAULT_REDIRECT_URI;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(15);
        private CallLogScope callLogScope = CallLogScope.ACCOUNT;
        private int callLogPerPage = 100;
        private int callLogMaxPages = 5;
        private int rateLimitHeavy = 10;
        private int rateLimitMedium = 40;
        private int rateLimitLight = 50;
        private int rateLimitAuth = 5;
        private Duration rateLimitWindow = Duration.ofSeconds(60);
        private Duration retryAfterDefault = Duration.ofSeconds(60);
        private int retryAttempts = 3;
        private Duration retryInitialBackoff = Duration.ofMillis(500);
        private Duration retryMaxBackoff = Duration.ofSeconds(5);
        private int circuitBreakerMinimumCalls = 5;
        private int circuitBreakerFailureRate = 50;
        private Duration circuitBreakerOpenDuration = Duration.ofSeconds(30);
        private String defaultRegion = "US";
        private boolean pushEnabled = true;
        private Duration pushHeartbeatInterval = Duration.ofSeconds(30);
        private Duration pushHeartbeatTimeout = Duration.ofSeconds(10);
        private Duration pushReconnectInitialBackoff = Duration.ofSeconds(1);
        private Duration pushReconnectMaxBackoff = Duration.ofSeconds(60);

        private Builder() {
        }

        private Builder(RingCentralSettings s) {
            baseUrl = s.baseUrl;
            clientId = s.clientId;
            clientSecret = s.clientSecret;
            redirectUri = s.redirectUri;
            connectTimeout = s.connectTimeout;
            readTimeout = s.readTimeout;
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
            defaultRegion = s.defaultRegion;
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
        public Builder defaultRegion(String value) { defaultRegion = value; return this; }
        public Builder pushEnabled(boolean value) { pushEnabled = value; return this; }
        public Builder pushHeartbeatInterval(Duration value) { pushHeartbeatInterval = value; return this; }
        public Builder pushHeartbeatTimeout(Duration value) { pushHeartbeatTimeout = value; return this; }
        public Builder pushReconnectInitialBackoff(Duration value) { pushReconnectInitialBackoff = value; return this; }
        public Builder pushReconnectMaxBackoff(Duration value) { pushReconnectMaxBackoff = value; return this; }

        public RingCentralSettings build() {
            return new RingCentralSettings(baseUrl, clientId, clientSecret, redirectUri, connectTimeout, readTimeout,
                    callLogScope, callLogPerPage, callLogMaxPages, rateLimitHeavy, rateLimitMedium, rateLimitLight,
                    rateLimitAuth, rateLimitWindow, retryAfterDefault, retryAttempts, retryInitialBackoff, retryMaxBackoff,
                    circuitBreakerMinimumCalls, circuitBreakerFailureRate, circuitBreakerOpenDuration, defaultRegion,
                    pushEnabled, pushHeartbeatInterval, pushHeartbeatTimeout, pushReconnectInitialBackoff, pushReconnectMaxBackoff);
        }
    }
}
