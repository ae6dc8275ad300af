package io.ringside.application.port.out;

/**
 * Nudges between the instances sharing one database (PostgreSQL {@code LISTEN/NOTIFY}): delivered after the
 * change they announce is committed, to every instance listening — and not replayed to one that was not, so a
 * listener reloads from the tables when told it reconnected.
 */
public interface ClusterSignals {

    enum Topic {
        CALLS, CLAIMS,
        /** Someone's sessions are to end everywhere (see {@link SessionEndRequests}). */
        SESSIONS
    }

    /** Tells every instance (this one included) that {@code topic} changed. */
    void signal(Topic topic);

    /**
     * Calls {@code changed} for each signal and {@code reconnected} each time listening started again after a
     * break (and once at the start), from the listener's own thread.
     */
    Subscription listen(java.util.function.Consumer<Topic> changed, Runnable reconnected);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
