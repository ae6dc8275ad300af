package io.ringside.adapters.ringcentral;

/** The RingCentral requests Ringside makes: what logs and messages call them, their rate-limit group, how errors read. */
enum Operation {
    TOKEN_EXCHANGE("code exchange", RateLimitGroup.AUTH, true),
    TOKEN_REFRESH("token refresh", RateLimitGroup.AUTH, true),
    TOKEN_REVOKE("token revocation", RateLimitGroup.AUTH, true),
    CALL_LOG("call-log request", RateLimitGroup.HEAVY, false),
    PRESENCE("presence request", RateLimitGroup.LIGHT, false),
    /** {@code GET /restapi/v1.0/account/~/extension} ({@code listExtensions}): Medium, app permission ReadAccounts. */
    EXTENSION_LIST("extension list request", RateLimitGroup.MEDIUM, false),
    /** {@code POST /restapi/oauth/wstoken}: in the Auth group, but sent with the bearer token and answered like the REST API. */
    WS_TOKEN("WebSocket token request", RateLimitGroup.AUTH, false),
    /** A subscription created over the WebSocket ({@code POST /restapi/v1.0/subscription/} as a ClientRequest). */
    SUBSCRIPTION("push subscription", RateLimitGroup.MEDIUM, false);

    private final String description;
    private final RateLimitGroup group;
    private final boolean oauth;

    Operation(String description, RateLimitGroup group, boolean oauth) {
        this.description = description;
        this.group = group;
        this.oauth = oauth;
    }

    String description() {
        return description;
    }

    RateLimitGroup group() {
        return group;
    }

    /** OAuth endpoints answer errors with {@code error} / {@code error_description} and never take a bearer token. */
    boolean isOAuth() {
        return oauth;
    }
}
