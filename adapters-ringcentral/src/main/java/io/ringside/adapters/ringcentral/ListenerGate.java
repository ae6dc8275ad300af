package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.NotificationListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Consumer;

/**
 * The gate between a push session and its listener: a listener call runs entirely before {@link #close()}
 * or not at all after it, and a listener's failure does not end the session. Every call, and close, takes
 * this object's lock, so holding it (as {@code open()} does while starting a session) keeps calls out.
 */
final class ListenerGate {

    /** Logs under the session's name, where operators and tests look for the push client's lines. */
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    private final NotificationListener listener;
    private volatile boolean closed;

    ListenerGate(NotificationListener listener) {
        this.listener = listener;
    }

    /** Shuts the gate after any call in progress; false when it was shut already. */
    synchronized boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    boolean isClosed() {
        return closed;
    }

    /** Calls the listener unless the gate is shut; what it throws is logged and swallowed. */
    synchronized void tell(Consumer<NotificationListener> call) {
        if (closed) {
            return;
        }
        try {
            call.accept(listener);
        } catch (RuntimeException failure) {
            log.warn("The push listener failed ({}); the session goes on", failure.toString());
        }
    }
}
