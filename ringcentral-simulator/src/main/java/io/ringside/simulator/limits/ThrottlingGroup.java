package io.ringside.simulator.limits;

import io.ringside.simulator.settings.SimulatorSettings.RateLimits;

/** RingCentral's API usage plan groups ({@code x-throttling-group} in the contract). */
public enum ThrottlingGroup {
    HEAVY("Heavy"),
    MEDIUM("Medium"),
    LIGHT("Light"),
    AUTH("Auth");

    private final String wireName;

    ThrottlingGroup(String wireName) {
        this.wireName = wireName;
    }

    /** As in the {@code X-Rate-Limit-Group} header. */
    public String wireName() {
        return wireName;
    }

    public int limitIn(RateLimits limits) {
        return switch (this) {
            case HEAVY -> limits.heavy();
            case MEDIUM -> limits.medium();
            case LIGHT -> limits.light();
            case AUTH -> limits.auth();
        };
    }
}
