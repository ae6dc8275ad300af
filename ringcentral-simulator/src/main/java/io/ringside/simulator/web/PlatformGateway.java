package io.ringside.simulator.web;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.limits.RateDecision;
import io.ringside.simulator.oauth.ClientCredentials;
import io.ringside.simulator.oauth.OAuthSession;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What RingCentral's API gateway does before an endpoint runs, in its order: count the request,
 * fail it if a failure is planned, authenticate the bearer token (401), then apply the per
 * app-and-user rate limit of the endpoint's group (429 with {@code Retry-After}).
 */
final class PlatformGateway implements HandlerInterceptor {

    /** Request attribute holding the authenticated {@link OAuthSession}. */
    static final String SESSION = "io.ringside.simulator.web.PlatformGateway.session";

    private final SimulatedPlatform platform;
    private final String pathPrefix;

    PlatformGateway(SimulatedPlatform platform, String pathPrefix) {
        this.platform = platform;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        Throttled throttled = method.getMethodAnnotation(Throttled.class);
        if (throttled == null) {
            return true;
        }
        platform.requestCounter().record(throttled.value(), request.getMethod() + " " + endpointOf(request));
        if (throttled.caller() == Throttled.CallerProof.BROWSER) {
            return true;
        }
        Optional<Integer> plannedFailure = platform.faults().nextFailure();
        if (plannedFailure.isPresent()) {
            throw plannedFailure.get() == 429
                    ? rateExceeded(Map.of(), platform.settings().rateLimits().penalty().toSeconds())
                    : new ApiException(503, "CMN-211", "Service temporarily unavailable");
        }
        String caller;
        if (throttled.caller() == Throttled.CallerProof.BEARER_TOKEN) {
            OAuthSession session = platform.authorizationServer().authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
            request.setAttribute(SESSION, session);
            caller = session.clientId() + "/" + session.ownerId();
        } else {
            // Token endpoints: the app (as it claims to be) and the one user this platform has.
            caller = ClientCredentials.fromBasicHeader(request.getHeader(HttpHeaders.AUTHORIZATION))
                    .map(ClientCredentials::clientId).orElse("unknown-client")
                    + "/" + platform.directory().connectedUser().id();
        }
        RateDecision decision = platform.rateLimiter().admit(caller, throttled.value(),
                platform.settings().rateLimits());
        Map<String, String> rateHeaders = new LinkedHashMap<>();
        rateHeaders.put("X-Rate-Limit-Group", decision.group().wireName());
        rateHeaders.put("X-Rate-Limit-Limit", Integer.toString(decision.limit()));
        rateHeaders.put("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
        rateHeaders.put("X-Rate-Limit-Window", Long.toString(decision.window().toSeconds()));
        if (!decision.allowed()) {
            throw rateExceeded(rateHeaders, decision.retryAfter().toSeconds());
        }
        rateHeaders.forEach(response::setHeader);
        return true;
    }

    private static ApiException rateExceeded(Map<String, String> rateHeaders, long retryAfterSeconds) {
        Map<String, String> headers = new LinkedHashMap<>(rateHeaders);
        headers.put(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return new ApiException(429, "CMN-301", "Request rate exceeded", null, headers);
    }

    /** The endpoint's path pattern without the mount prefix, e.g. {@code /restapi/v1.0/account/{accountId}/call-log}. */
    private String endpointOf(HttpServletRequest request) {
        Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
        String path = pattern != null ? pattern.toString() : request.getRequestURI();
        return !pathPrefix.isEmpty() && path.startsWith(pathPrefix) ? path.substring(pathPrefix.length()) : path;
    }
}
