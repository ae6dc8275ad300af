package io.ringside.application.port.out;

import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshToken;

import java.net.URI;

/**
 * RingCentral's OAuth endpoints, as the application needs them. Failures are thrown as
 * {@link RingCentralException}s; nothing here retries a token request on its own, because
 * RingCentral rotates refresh tokens and a blindly resent refresh can cost the connection.
 */
public interface RingCentralAuthorization {

    /** Where the admin's browser goes to authorise Ringside (authorization code flow with PKCE S256). */
    URI authorizeUrl(String state, String codeChallenge);

    /** Exchanges the code RingCentral sent back for a token pair. */
    IssuedTokens exchangeCode(String code, CodeVerifier codeVerifier);

    /** Trades the refresh token for a new pair; the old refresh token dies soon after. */
    IssuedTokens refresh(RefreshToken refreshToken);

    /** Ends the session at RingCentral. */
    void revoke(RefreshToken refreshToken);

    /** The RingCentral server Ringside talks to, for the admin page. */
    URI server();
}
