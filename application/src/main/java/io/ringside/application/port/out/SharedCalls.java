package io.ringside.application.port.out;

import java.util.Optional;

/**
 * The owner's caller feed, shared through the database with every instance. The owner publishes; the others
 * read it when signalled ({@link ClusterSignals.Topic#CALLS}), when they start, and when their listening
 * connection came back — the table is the truth, a signal only a nudge.
 */
public interface SharedCalls {

    /** Replaces what is shared with {@code feed} (calls that left it are removed). */
    void publish(SharedFeed feed);

    /** What the owner published last; empty before anything was. */
    Optional<SharedFeed> read();
}
