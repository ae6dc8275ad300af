package io.ringside.application.port.in;

/** Keeps the connection alive: called on a schedule, refreshes only when the connection says it must. */
public interface RefreshConnection {

    enum Outcome {
        NOT_CONNECTED,
        /** Nothing to do yet. */
        NOT_DUE,
        REFRESHED,
        /** Another refresher saved a newer connection first; its tokens are kept. */
        REFRESHED_ELSEWHERE,
        /** RingCentral no longer accepts the refresh token: an admin must connect again. */
        RECONNECT_NEEDED,
        /** RingCentral was unavailable or rate limited; the next tick tries again. */
        FAILED
    }

    Outcome refreshIfDue();
}
