package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.WsTokenResponse;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.domain.AccessToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * The way to RingCentral's push gateway: a WebSocket token for the current access token (asking once for a
 * fresh access token when it is rejected) and the gateway's address, checked, and the socket's URI built
 * from them. Never logged: the access token and the WebSocket token (the socket URI's query). Used only on
 * the session's thread.
 */
final class PushGateway {

    /** Logs under the session's name, where operators and tests look for the push client's lines. */
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    static final String WS_TOKEN_PATH = "/restapi/oauth/wstoken";
    /** Auth requests a reconnect leaves unused in the window, so a token refresh (and its one retry) can still go. */
    static final int AUTH_RESERVE = 2;

    /** Where the next connection goes, or why there is none now. */
    sealed interface Ticket {
    }

    /** Connect to this gateway with this WebSocket token (a secret: not printed). */
    record Open(URI gateway, String wsToken) implements Ticket {
        @Override
        public String toString() {
            return "Open[gateway=" + gateway.getHost() + ", wsToken=" + Redaction.MASK + "]";
        }
    }

    /** Push cannot work until an admin acts: stop. */
    record Stop(String reason) implements Ticket {
    }

    /** This try failed: try again after the backoff, and not before {@code notBefore} when given. */
    record Retry(String reason, Instant notBefore) implements Ticket {
    }

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final AccessTokens tokens;
    private final Clock clock;
    private boolean warnedAboutHost;

    PushGateway(RingCentralSettings settings, RingCentralTransport transport, AccessTokens tokens, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Asks RingCentral for a WebSocket token and the gateway's address. */
    Ticket ticket() {
        WsTokenResponse wsToken;
        try {
            Optional<AccessToken> token = tokens.current();
            if (token.isEmpty()) {
                return new Stop(PushSession.NOT_CONNECTED);
            }
            wsToken = requestWsToken(token.get());
        } catch (RingCentralRateLimitedException limited) {
            return new Retry("RingCentral's " + limited.group() + " rate limit is reached; push reconnects after " + limited.until(), limited.until());
        } catch (RingCentralRejectedException rejected) {
            if (rejected.reason() == RingCentralRejectedException.Reason.MISSING_PERMISSION) {
                return new Stop(PushSession.NO_WEBSOCKET_PERMISSION);
            }
            return new Retry("RingCentral refused the WebSocket token request: " + rejected.getMessage(), null);
        } catch (AccessTokenRejectedException stillRejected) {
            return new Retry("RingCentral rejected the access token for the WebSocket token twice", null);
        } catch (RingCentralException unavailable) {
            // While the circuit breaker is open every request fails at once: wait for it rather than knock.
            boolean paused = transport.circuitState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN;
            return new Retry(unavailable.getMessage(), paused ? clock.instant().plus(settings.circuitBreakerOpenDuration()) : null);
        }
        if (wsToken == null) {
            return new Stop(PushSession.NOT_CONNECTED);
        }
        if (wsToken.wsAccessToken() == null || wsToken.wsAccessToken().isBlank() || wsToken.uri() == null || wsToken.uri().isBlank()) {
            return new Retry("RingCentral's WebSocket token answer lacks the token or the gateway address", null);
        }
        URI gateway;
        try {
            gateway = URI.create(wsToken.uri().strip());
        } catch (IllegalArgumentException notAUri) {
            return new Retry("RingCentral's WebSocket gateway address is not a URI", null);
        }
        if (gateway.getHost() == null || !("wss".equalsIgnoreCase(gateway.getScheme()) || "ws".equalsIgnoreCase(gateway.getScheme()))) {
            return new Retry("RingCentral's WebSocket gateway address is not a ws:// or wss:// URL", null);
        }
        warnIfOtherHost(gateway);
        return new Open(gateway, wsToken.wsAccessToken());
    }

    /** The socket's URI: the gateway's with the WebSocket token and, to recover a session, its wsc token in the query. */
    static URI socketUri(URI gateway, String wsToken, String wscToken) {
        String query = "access_token=" + encode(wsToken) + (wscToken != null ? "&wsc=" + encode(wscToken) : "");
        String base = gateway.toString();
        return URI.create(base + (gateway.getRawQuery() == null ? "?" : "&") + query);
    }

    /** The WebSocket token, or null when the access token was rejected and there is no other. */
    private WsTokenResponse requestWsToken(AccessToken token) {
        try {
            return transport.postBearer(Operation.WS_TOKEN, WS_TOKEN_PATH, token.value(), WsTokenResponse.class, AUTH_RESERVE);
        } catch (AccessTokenRejectedException rejected) {
            log.info("RingCentral rejected the access token for a WebSocket token ({}); asking for a fresh one", rejected.errorCode());
            Optional<AccessToken> replaced = tokens.replaceRejected(token);
            if (replaced.isEmpty()) {
                return null;
            }
            return transport.postBearer(Operation.WS_TOKEN, WS_TOKEN_PATH, replaced.get().value(), WsTokenResponse.class, AUTH_RESERVE);
        }
    }

    private void warnIfOtherHost(URI gateway) {
        String configured = settings.baseUrl().getHost();
        if (!warnedAboutHost && !gateway.getHost().equalsIgnoreCase(configured)) {
            warnedAboutHost = true;
            log.warn("RingCentral's WebSocket gateway is on host {}, not on ringcentral.base-url's host {}; connecting to it as "
                    + "RingCentral says (in production it is ws-api.ringcentral.com)", gateway.getHost(), configured);
        }
        if (!warnedAboutHost && "ws".equalsIgnoreCase(gateway.getScheme()) && "https".equalsIgnoreCase(settings.baseUrl().getScheme())) {
            warnedAboutHost = true;
            log.warn("RingCentral's WebSocket gateway on {} is not encrypted (ws://) though ringcentral.base-url is https", gateway.getHost());
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
