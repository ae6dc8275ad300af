package io.ringside.adapters.ringcentral.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code TokenInfo}: the token endpoint's answer to a code exchange or a refresh. Holds secrets: never printed. */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        @JsonProperty("expires_in") Long expiresIn,
        @JsonProperty("refresh_token") String refreshToken,
        @JsonProperty("refresh_token_expires_in") Long refreshTokenExpiresIn,
        @JsonProperty("scope") String scope,
        @JsonProperty("owner_id") String ownerId,
        @JsonProperty("endpoint_id") String endpointId) {

    @Override
    public String toString() {
        return "TokenResponse[tokens=********, expiresIn=" + expiresIn + ", refreshTokenExpiresIn=" + refreshTokenExpiresIn
                + ", scope=" + scope + ", ownerId=" + ownerId + "]";
    }
}
