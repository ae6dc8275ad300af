package io.ringside.application.port.out;

import java.time.Duration;

/**
 * What the services report for monitoring as it happens; bootstrap turns it into metrics.
 * Implementations must be quick and must not throw: they run on the feed's and the users' threads.
 */
public interface Telemetry {

    /** Reports nothing: the services' default. */
    Telemetry NONE = new Telemetry() {
    };

    /** How an access-token refresh sent to RingCentral ended. */
    enum TokenRefresh {
        /** New tokens saved. */
        REFRESHED,
        /** Another refresher saved newer tokens first; theirs are kept. */
        REFRESHED_ELSEWHERE,
        /** RingCentral refused the refresh token: the connection needs an admin to connect again. */
        REFUSED,
        /** RingCentral was unreachable, failed or rate limited: tried again later. */
        FAILED
    }

    default void tokenRefresh(TokenRefresh outcome) {
    }

    /**
     * A pushed call event that shows a call ringing changed Recent callers and was handed to the
     * open pages {@code ringToVisible} after RingCentral's own time of the event.
     */
    default void pushedCallShown(Duration ringToVisible) {
    }

    default void intakeSaved() {
    }
}
