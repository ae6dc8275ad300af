package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.TokenResponse;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** RingCentral's OAuth endpoints: authorization code flow with PKCE, refresh, revoke. Nothing here is retried. */
final class RingCentralOAuthClient implements RingCentralAuthorization {

    private static final Logger log = LoggerFactory.getLogger(RingCentralOAuthClient.class);
    private static final String TOKEN_PATH = "/restapi/oauth/token";
    private static final String REVOKE_PATH = "/restapi/oauth/revoke";
    /** RingCentral's documented default lifetime of a refresh token, for an answer that leaves it out. */
    private static final Duration DEFAULT_REFRESH_TOKEN_LIFETIME = Duration.ofDays(7);

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final Clock clock;

    RingCentralOAuthClient(RingCentralSettings settings, RingCentralTransport transport, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
    }

    @Override
    public URI authorizeUrl(String state, String codeChallenge) {
        requireText(state, "An OAuth state");
        requireText(codeChallenge, "A PKCE code challenge");
        Map<String, String> query = new LinkedHashMap<>();
        query.put("response_type", "code");
        query.put("client_id", settings.clientId());
        query.put("redirect_uri", settings.redirectUri().toString());
        query.put("state", state);
        query.put("code_challenge", codeChallenge);
        query.put("code_challenge_method", "S256");
        StringBuilder url = new StringBuilder(settings.baseUrl().toString()).append("/restapi/oauth/authorize");
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
            separator = '&';
        }
        return URI.create(url.toString());
    }

    @Override
    public IssuedTokens exchangeCode(String code, CodeVerifier codeVerifier) {
        requireText(code, "An authorization code");
        Objects.requireNonNull(codeVerifier, "codeVerifier");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", settings.redirectUri().toString());
        form.put("code_verifier", codeVerifier.value());
        IssuedTokens tokens = issue(Operation.TOKEN_EXCHANGE, form);
        log.info("RingCentral authorised Ringside for owner {}; access token expires {}", tokens.ownerId(), tokens.accessToken().expiresAt());
        return tokens;
    }

    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken.value());
        IssuedTokens tokens = issue(Operation.TOKEN_REFRESH, form);
        log.info("RingCentral refreshed the tokens; access token expires {}", tokens.accessToken().expiresAt());
        return tokens;
    }

    @Override
    public void revoke(RefreshToken refreshToken) {
        Objects.requireNonNull(refreshToken, "refreshToken");
        transport.postForm(Operation.TOKEN_REVOKE, REVOKE_PATH, Map.of("token", refreshToken.value()), null);
        log.info("RingCentral revoked Ringside's session");
    }

    @Override
    public URI server() {
        return settings.baseUrl();
    }

    private IssuedTokens issue(Operation operation, Map<String, String> form) {
        // Expiry counts from before the request: the token cannot have been issued earlier, so it is never trusted too long.
        Instant issuedAt = clock.instant();
        TokenResponse answer = transport.postForm(operation, TOKEN_PATH, form, TokenResponse.class);
        if (answer.accessToken() == null || answer.accessToken().isBlank() || answer.expiresIn() == null || answer.expiresIn() <= 0) {
            throw new RingCentralUnavailableException("RingCentral's answer to the " + operation.description()
                    + " had no access token or no expires_in");
        }
        if (answer.refreshToken() == null || answer.refreshToken().isBlank()) {
            throw new RingCentralRejectedException(Reason.REQUEST_REFUSED, null, "RingCentral issued no refresh token on the "
                    + operation.description() + ": allow the Refresh Token grant for the app in RingCentral's developer console");
        }
        Duration refreshLifetime = answer.refreshTokenExpiresIn() == null || answer.refreshTokenExpiresIn() <= 0
                ? DEFAULT_REFRESH_TOKEN_LIFETIME
                : Duration.ofSeconds(answer.refreshTokenExpiresIn());
        return new IssuedTokens(
                new AccessToken(answer.accessToken(), issuedAt.plusSeconds(answer.expiresIn())),
                new RefreshToken(answer.refreshToken(), issuedAt, issuedAt.plus(refreshLifetime)),
                answer.ownerId(),
                answer.scope());
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
