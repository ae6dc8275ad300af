package io.ringside.simulator.oauth;

import io.ringside.simulator.settings.LiveSettings;
import io.ringside.simulator.settings.SimulatorSettings;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.error.OAuthException;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * RingCentral's OAuth 2.0 server for one registered app and one user: authorization code flow
 * with PKCE, refresh with rotation and a grace for the rotated-out refresh token, revocation, and
 * bearer-token checks for the REST API. Error codes are RingCentral's.
 */
public final class AuthorizationServer {

    /** The registered app's display name on the consent page. */
    public static final String APP_NAME = "Ringside";
    /**
     * The permissions the registered app has by default; RingCentral grants the app's, not what the
     * request lists. Tokens carry the app's permissions as they are at consent ({@link AppPermissions}).
     */
    public static final String SCOPE = "ReadAccounts ReadCallLog ReadPresence CallControl WebSocketsSubscription";

    private static final Duration CONSENT_LIFETIME = Duration.ofMinutes(10);

    private final LiveSettings settings;
    private final Clock clock;
    private final Directory directory;
    private final AppPermissions permissions;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, PendingConsent> consents = new HashMap<>();
    private final Map<String, IssuedCode> codes = new HashMap<>();
    private final Map<String, OAuthSession> sessions = new LinkedHashMap<>();
    private final Set<String> revokedTokens = new HashSet<>();

    private record PendingConsent(AuthorizationRequest request, Instant expiresAt) {
    }

    private record IssuedCode(AuthorizationRequest request, Instant expiresAt) {
    }

    public AuthorizationServer(LiveSettings settings, Clock clock, Directory directory, AppPermissions permissions) {
        this.settings = settings;
        this.clock = clock;
        this.directory = directory;
        this.permissions = permissions;
    }

    // ---- GET /restapi/oauth/authorize ----------------------------------------------------------

    public synchronized AuthorizeOutcome authorize(Map<String, String> query) {
        SimulatorSettings s = settings.current();
        String clientId = query.get("client_id");
        if (clientId == null || clientId.isBlank()) {
            return new AuthorizeOutcome.ShowError("OAU-101", "Parameter [client_id] is invalid");
        }
        if (!clientId.equals(s.clientId())) {
            return new AuthorizeOutcome.ShowError("OAU-146", "Client application [" + clientId + "] is not found");
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || redirectUri.isBlank()) {
            return new AuthorizeOutcome.ShowError("OAU-101", "Parameter [redirect_uri] is invalid");
        }
        if (!RedirectUris.isAbsoluteHttp(redirectUri)
                || (!s.redirectUris().isEmpty() && !s.redirectUris().contains(redirectUri))) {
            return new AuthorizeOutcome.ShowError("OAU-109",
                    "Redirect URI [" + redirectUri + "] is not registered for this application");
        }
        // From here the redirect URI is trusted: errors go back to the app, as RFC 6749 §4.1.2.1 says.
        String state = query.get("state");
        String responseType = query.get("response_type");
        if (!"code".equals(responseType)) {
            return errorBack(redirectUri, "unsupported_response_type",
                    "Unsupported response type [" + responseType + "]", state);
        }
        String challenge = blankToNull(query.get("code_challenge"));
        String method = blankToNull(query.get("code_challenge_method"));
        if (challenge == null && method != null) {
            return errorBack(redirectUri, "invalid_request", "Parameter [code_challenge] is required", state);
        }
        if (challenge != null) {
            method = method == null ? Pkce.PLAIN : method; // the contract's default
            if (!Pkce.isSupportedMethod(method)) {
                return errorBack(redirectUri, "invalid_request",
                        "Unsupported code_challenge_method [" + method + "]", state);
            }
            if (!challenge.matches("[A-Za-z0-9\\-._~]{43,128}")) {
                return errorBack(redirectUri, "invalid_request", "Parameter [code_challenge] is invalid", state);
            }
        }
        String scope = permissions.scope();
        AuthorizationRequest request = new AuthorizationRequest(clientId, redirectUri, state, challenge, method,
                scope);
        String consentId = randomToken(18);
        consents.put(consentId, new PendingConsent(request, clock.instant().plus(CONSENT_LIFETIME)));
        return new AuthorizeOutcome.ShowConsent(consentId, APP_NAME, directory.connectedUser().name(), scope);
    }

    /** The user clicked Allow or Deny on the consent page. */
    public synchronized AuthorizeOutcome decide(String consentId, boolean allow) {
        PendingConsent pending = consentId == null ? null : consents.remove(consentId);
        if (pending == null || !clock.instant().isBefore(pending.expiresAt())) {
            return new AuthorizeOutcome.ShowError("OAU-101",
                    "This authorization request is no longer valid. Start again from the application.");
        }
        AuthorizationRequest request = pending.request();
        if (!allow) {
            return errorBack(request.redirectUri(), "access_denied", "The user has denied access to the application",
                    request.state());
        }
        String code = randomToken(32);
        codes.put(code, new IssuedCode(request, clock.instant().plus(settings.current().authorizationCodeLifetime())));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("code", code);
        parameters.put("state", request.state());
        return new AuthorizeOutcome.RedirectBack(RedirectUris.withParameters(request.redirectUri(), parameters));
    }

    // ---- POST /restapi/oauth/token ---------------------------------------------------------------

    public synchronized IssuedTokens exchangeCode(Optional<ClientCredentials> client, Map<String, String> form) {
        String clientId = authenticateClient(client);
        String code = required(form, "code");
        IssuedCode issued = codes.remove(code); // single use: gone after the first attempt, good or bad
        Instant now = clock.instant();
        if (issued == null || !issued.request().clientId().equals(clientId)) {
            throw OAuthException.invalidGrant("OAU-106", "Authorization code is invalid or was already used");
        }
        if (!now.isBefore(issued.expiresAt())) {
            throw OAuthException.invalidGrant("OAU-108", "Authorization code has expired");
        }
        AuthorizationRequest request = issued.request();
        if (!request.redirectUri().equals(form.get("redirect_uri"))) {
            throw OAuthException.invalidGrant("OAU-109", "Redirect URI mismatch");
        }
        if (request.codeChallenge() != null) {
            String verifier = form.get("code_verifier");
            if (verifier == null || verifier.isBlank()) {
                throw OAuthException.missingParameter("code_verifier");
            }
            if (!Pkce.matches(request.codeChallengeMethod(), request.codeChallenge(), verifier)) {
                throw OAuthException.invalidGrant("OAU-106", "Invalid code_verifier");
            }
        }
        OAuthSession session = new OAuthSession(Long.toString(1_000_000_000L + random.nextInt(900_000_000)),
                clientId, Long.toString(directory.connectedUser().id()),
                blankToNull(form.get("endpoint_id")) != null ? form.get("endpoint_id") : randomToken(16),
                request.scope(), newPair(now), null);
        sessions.put(session.id(), session);
        return new IssuedTokens(session, session.current(), now);
    }

    /**
     * Refresh with rotation. The current refresh token yields a new pair; the pair just rotated out
     * keeps its refresh token alive until {@code refreshGrace} after the new access token is first
     * used, and during that time answers with the same new pair (two racing refreshers both win).
     */
    public synchronized IssuedTokens refresh(Optional<ClientCredentials> client, Map<String, String> form) {
        String clientId = authenticateClient(client);
        String refreshToken = required(form, "refresh_token");
        Instant now = clock.instant();
        if (revokedTokens.contains(refreshToken)) {
            throw OAuthException.invalidGrant("OAU-211", "Token revoked");
        }
        for (OAuthSession session : sessions.values()) {
            if (!session.clientId().equals(clientId)) {
                continue;
            }
            if (refreshToken.equals(session.current().refreshToken())) {
                if (!now.isBefore(session.current().refreshExpiresAt())) {
                    throw OAuthException.invalidGrant("OAU-210", "Token expired");
                }
                OAuthSession rotated = session.rotatedTo(newPair(now));
                sessions.put(rotated.id(), rotated);
                return new IssuedTokens(rotated, rotated.current(), now);
            }
            TokenPair previous = session.previous();
            if (previous != null && refreshToken.equals(previous.refreshToken())) {
                if (withinGrace(session, now)) {
                    return new IssuedTokens(session, session.current(), now);
                }
                sessions.put(session.id(), session.withoutPrevious());
                break;
            }
        }
        throw OAuthException.invalidGrant("OAU-211", "Token not found");
    }

    // ---- POST /restapi/oauth/revoke --------------------------------------------------------------

    /** Ends the whole session the token belongs to. An unknown token is not an error (RFC 7009 §2.2). */
    public synchronized void revoke(Optional<ClientCredentials> client, String token) {
        String clientId = authenticateClient(client);
        if (token == null || token.isBlank()) {
            throw OAuthException.missingParameter("token");
        }
        findSession(s -> s.clientId().equals(clientId) && holds(s, token)).ifPresent(session -> {
            sessions.remove(session.id());
            forget(session.current());
            if (session.previous() != null) {
                forget(session.previous());
            }
        });
    }

    // ---- bearer tokens on the REST API --------------------------------------------------------------

    /**
     * The session a bearer token belongs to, marking the token as used (which starts the grace of
     * the refresh token it replaced). Throws 401 the way RingCentral does.
     */
    public synchronized OAuthSession authenticate(String authorizationHeader) {
        if (authorizationHeader == null || authorizationHeader.isBlank()) {
            throw new ApiException(401, "AGW-401", "Authorization header is not specified");
        }
        if (!authorizationHeader.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(401, "AGW-401", "Authorization header is invalid");
        }
        String token = authorizationHeader.substring(7).strip();
        Instant now = clock.instant();
        for (OAuthSession session : sessions.values()) {
            if (token.equals(session.current().accessToken())) {
                if (!now.isBefore(session.current().accessExpiresAt())) {
                    throw new ApiException(401, "OAU-128", "Access token expired");
                }
                OAuthSession used = session.withCurrent(session.current().firstUsedAt(now));
                sessions.put(used.id(), used);
                return used;
            }
        }
        // Unknown, revoked, or replaced by a refresh: RingCentral invalidates the old access token at once.
        throw new ApiException(401, "OAU-213", "Token not found");
    }

    /** Makes every issued access token expired now; refresh tokens stay good. */
    public synchronized void expireAccessTokens() {
        Instant now = clock.instant();
        sessions.replaceAll((id, s) -> s.withCurrent(s.current().accessExpiringAt(now)));
    }

    public synchronized int activeSessions() {
        return sessions.size();
    }

    public synchronized void clear() {
        consents.clear();
        codes.clear();
        sessions.clear();
        revokedTokens.clear();
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private String authenticateClient(Optional<ClientCredentials> client) {
        SimulatorSettings s = settings.current();
        ClientCredentials credentials = client.orElseThrow(() -> new OAuthException(401, "invalid_client",
                "OAU-123", "Client authentication is required"));
        if (!credentials.matches(s.clientId(), s.clientSecret())) {
            throw new OAuthException(401, "invalid_client", "OAU-146", "Invalid client credentials");
        }
        return credentials.clientId();
    }

    private boolean withinGrace(OAuthSession session, Instant now) {
        Instant firstUse = session.current().accessFirstUsedAt();
        return firstUse == null || now.isBefore(firstUse.plus(settings.current().refreshGrace()));
    }

    private TokenPair newPair(Instant now) {
        SimulatorSettings s = settings.current();
        return new TokenPair(randomToken(48), now.plus(s.accessTokenLifetime()), randomToken(48),
                now.plus(s.refreshTokenLifetime()), null);
    }

    private Optional<OAuthSession> findSession(Predicate<OAuthSession> condition) {
        return sessions.values().stream().filter(condition).findFirst();
    }

    private static boolean holds(OAuthSession session, String token) {
        return holds(session.current(), token) || (session.previous() != null && holds(session.previous(), token));
    }

    private static boolean holds(TokenPair pair, String token) {
        return token.equals(pair.accessToken()) || token.equals(pair.refreshToken());
    }

    private void forget(TokenPair pair) {
        revokedTokens.add(pair.accessToken());
        revokedTokens.add(pair.refreshToken());
    }

    private static String required(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            throw OAuthException.missingParameter(name);
        }
        return value;
    }

    private static AuthorizeOutcome errorBack(String redirectUri, String error, String description, String state) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("error", error);
        parameters.put("error_description", description);
        parameters.put("state", state);
        return new AuthorizeOutcome.RedirectBack(RedirectUris.withParameters(redirectUri, parameters));
    }

    private String randomToken(int bytes) {
        byte[] raw = new byte[bytes];
        random.nextBytes(raw);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
