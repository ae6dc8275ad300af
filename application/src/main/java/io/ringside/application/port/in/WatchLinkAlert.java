package io.ringside.application.port.in;

import io.ringside.domain.LinkIncident;

import java.util.Optional;
import java.util.function.Consumer;

/** An admin sees, on every page of the console, that the link to RingCentral is broken, until it is fixed. */
public interface WatchLinkAlert {

    /** The incident in progress, or empty while the link is fine. */
    Optional<LinkIncident> current();

    /**
     * Sends the current state to {@code listener} now, then every change (a new incident, a new
     * explanation, empty once fixed) from a background thread, until the subscription is closed.
     */
    Subscription watch(Consumer<Optional<LinkIncident>> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
