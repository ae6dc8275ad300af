package io.ringside.application.port.in;

import java.util.function.Consumer;

/** A view keeps the Recent callers list current while it is open. */
public interface WatchRecentCallers {

    /**
     * Sends the list to {@code listener} now and whenever it changes, from a background thread,
     * until the returned subscription is closed.
     */
    Subscription watch(Consumer<RecentCallersResult> listener);

    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
