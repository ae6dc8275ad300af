package io.ringside.application.port.out;

import io.ringside.domain.AccessToken;

import java.util.Optional;

/** Where an adapter that runs by itself (push) takes its RingCentral access token from. */
public interface AccessTokens {

    /**
     * A token that can be sent now; empty when there is no usable connection (never connected,
     * disconnected, or RingCentral ended it: an admin must connect again).
     *
     * @throws RingCentralException when a due token refresh failed for now (try again later)
     */
    Optional<AccessToken> current();

    /**
     * RingCentral answered 401 to {@code rejected}: a token to retry with once (refreshed if that
     * one was still the current token), or empty when the connection is no longer usable.
     *
     * @throws RingCentralException when the refresh failed for now (try again later)
     */
    Optional<AccessToken> replaceRejected(AccessToken rejected);
}
