package io.ringside.adapters.ringcentral;

/** The RingCentral requests Ringside makes: what logs and messages call them, their rate-limit group, how errors read. */
enum Operation {
    TOKEN_EXCHANGE("code exchange", RateLimitGroup.AUTH),
    TOKEN_REFRESH("token refresh", RateLimitGroup.AUTH),
    TOKEN_REVOKE("token revocation", RateLimitGroup.AUTH),
    CALL_LOG("call-log request", RateLimitGroup.HEAVY),
    PRESENCE("presence request", RateLimitGroup.LIGHT);

    private final String description;
    private final RateLimitGroup group;

    Operation(String description, RateLimitGroup group) {
        this.description = description;
        this.group = group;
    }

    String description() {
        return description;
    }

    RateLimitGroup group() {
        return group;
    }

    /** OAuth endpoints answer errors with {@code error} / {@code error_description} and never take a bearer token. */
    boolean isOAuth() {
        return group == RateLimitGroup.AUTH;
    }
}
