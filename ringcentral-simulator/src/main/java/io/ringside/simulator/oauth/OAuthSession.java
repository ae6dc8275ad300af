package io.ringside.simulator.oauth;

/**
 * One authorization of the app by the user: what RingCentral calls the OAuth session. It lives
 * through refreshes (each swapping {@code current} and keeping the rotated-out pair as
 * {@code previous} for the grace) until revoked or its refresh token dies.
 *
 * @param previous the pair just rotated out, whose refresh token may still be honoured; or null
 */
public record OAuthSession(
        String id,
        String clientId,
        String ownerId,
        String endpointId,
        String scope,
        TokenPair current,
        TokenPair previous) {

    OAuthSession withCurrent(TokenPair pair) {
        return new OAuthSession(id, clientId, ownerId, endpointId, scope, pair, previous);
    }

    OAuthSession rotatedTo(TokenPair next) {
        return new OAuthSession(id, clientId, ownerId, endpointId, scope, next, current);
    }

    OAuthSession withoutPrevious() {
        return new OAuthSession(id, clientId, ownerId, endpointId, scope, current, null);
    }
}
