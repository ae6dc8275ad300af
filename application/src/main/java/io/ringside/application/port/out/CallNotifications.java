package io.ringside.application.port.out;

/**
 * RingCentral's push notifications of the company's calls (telephony sessions), over one
 * long-lived connection that the adapter keeps alive by itself.
 */
public interface CallNotifications {

    /**
     * Opens a push session and returns at once. The session connects, subscribes to every call of
     * the company (or, when the app lacks the CallControl permission, to the connected extension's,
     * saying so through {@link NotificationListener#onSubscribed}), and keeps itself alive: it
     * answers pings, sends heartbeats, reconnects with backoff and recovers the events missed during
     * a short drop, until it is closed or the connection can no longer be used
     * ({@link NotificationListener#onStopped}). Listener methods are called one at a time, never
     * while {@code open} runs, and never after {@link NotificationSession#close()} returned.
     */
    NotificationSession open(AccessTokens tokens, NotificationListener listener);

    /** A running push session. */
    interface NotificationSession extends AutoCloseable {

        /** Stops the session: closes the socket and sends nothing more. */
        @Override
        void close();
    }
}
