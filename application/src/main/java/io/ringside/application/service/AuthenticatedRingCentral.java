package io.ringside.application.service;

import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.domain.AccessToken;
import io.ringside.domain.InboundCall;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * RingCentral's call endpoints with the connection's current access token, and the one rule for a
 * 401: refresh once (only if the rejected token is still the stored one), retry once. The push
 * adapter takes its tokens here too.
 */
public final class AuthenticatedRingCentral implements AccessTokens {

    private final ConnectionKeeper connection;
    private final RingCentralCalls calls;

    public AuthenticatedRingCentral(ConnectionKeeper connection, RingCentralCalls calls) {
        this.connection = connection;
        this.calls = calls;
    }

    /**
     * Inbound calls of the call log that started at or after {@code since}.
     *
     * @throws ConnectionUnusableException when there is no usable connection
     */
    public List<InboundCall> callLog(Instant since) {
        return withOneRefresh(token -> calls.callLog(token, since));
    }

    /** The connected extension's calls in progress (presence). */
    public List<InboundCall> liveCalls() {
        return withOneRefresh(calls::liveCalls);
    }

    /**
     * Any other RingCentral request (the extension list, say) with the current access token, under the
     * same 401 rule.
     *
     * @throws ConnectionUnusableException when there is no usable connection
     */
    public <T> T withAccessToken(Function<AccessToken, T> request) {
        return withOneRefresh(request);
    }

    @Override
    public Optional<AccessToken> current() {
        try {
            return Optional.of(connection.currentAccessToken());
        } catch (ConnectionUnusableException unusable) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<AccessToken> replaceRejected(AccessToken rejected) {
        try {
            return Optional.of(connection.replaceRejected(rejected));
        } catch (ConnectionUnusableException unusable) {
            return Optional.empty();
        }
    }

    private <T> T withOneRefresh(Function<AccessToken, T> request) {
        AccessToken token = connection.currentAccessToken();
        try {
            return request.apply(token);
        } catch (AccessTokenRejectedException rejected) {
            return request.apply(connection.replaceRejected(token));
        }
    }
}
