package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.ringside.simulator.oauth.IssuedTokens;

/** {@code TokenInfo} of the contract, snake_case as on the wire. */
record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") long refreshTokenExpiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("endpoint_id") String endpointId,
        @JsonProperty("session_id") String sessionId) {

    static TokenResponse of(IssuedTokens issued) {
        return new TokenResponse(
                issued.pair().accessToken(),
                "bearer",
                issued.expiresInSeconds(),
                issued.pair().refreshToken(),
                issued.refreshExpiresInSeconds(),
                issued.session().scope(),
                issued.session().ownerId(),
                issued.session().endpointId(),
                issued.session().id());
    }

    @Override
    public String toString() {
        return "TokenResponse[expiresIn=" + expiresIn + ", ownerId=" + ownerId + ", tokens=***]";
    }
}
