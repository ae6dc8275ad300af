package io.ringside.adapters.ringcentral;

/**
 * RingCentral's rate-limit groups. Each endpoint belongs to one ({@code x-throttling-group} in
 * RingCentral's API spec); each group has its own budget per user and app in a sliding window.
 */
public enum RateLimitGroup {
    /** Call log and active calls. */
    HEAVY("Heavy"),
    /** Push subscriptions and the account's extension list. */
    MEDIUM("Medium"),
    /** Presence, account and extension info. */
    LIGHT("Light"),
    /** The OAuth token and revoke endpoints. */
    AUTH("Auth");

    private final String wireName;

    RateLimitGroup(String wireName) {
        this.wireName = wireName;
    }

    /** The name RingCentral uses, e.g. in the {@code X-Rate-Limit-Group} header. */
    public String wireName() {
        return wireName;
    }
}
