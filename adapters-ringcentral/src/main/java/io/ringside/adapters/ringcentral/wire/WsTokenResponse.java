package io.ringside.adapters.ringcentral.wire;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code WsTokenResponse}: the answer to {@code POST /restapi/oauth/wstoken}. Holds a secret: never printed.
 *
 * @param uri       the WebSocket gateway, e.g. {@code wss://ws-api.ringcentral.com/ws}
 * @param expiresIn seconds the token may be used to open a connection
 */
public record WsTokenResponse(
        @JsonProperty("ws_access_token") String wsAccessToken,
        @JsonProperty("uri") String uri,
        @JsonProperty("expires_in") Long expiresIn) {

    @Override
    public String toString() {
        return "WsTokenResponse[wsAccessToken=********, uri=" + uri + ", expiresIn=" + expiresIn + "]";
    }
}
