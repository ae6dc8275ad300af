package io.ringside.application.port.out;

import java.time.Instant;
import java.util.List;

/**
 * "End the sessions of this person", shared by every instance: each instance keeps its own sessions, so the one
 * where an admin disables someone writes the request here and the others read it (when signalled
 * {@link ClusterSignals.Topic#SESSIONS}, on reconnect, and every minute).
 */
public interface SessionEndRequests {

    /** A request to end the sessions {@code username} logged in up to {@code at}. */
    record Request(String username, Instant at) {
    }

    /** Stores a request to end the sessions {@code username} logged in up to {@code at}. */
    void request(String username, Instant at);

    /** The requests made at or after {@code from}, oldest first. */
    List<Request> since(Instant from);

    /** Forgets the requests made before {@code before}; how many. */
    int purge(Instant before);
}
