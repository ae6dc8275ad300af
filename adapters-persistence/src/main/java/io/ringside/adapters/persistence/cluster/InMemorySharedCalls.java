package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.port.out.SharedFeed;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/** The feed shared within one process (a single instance): the last one published. */
public final class InMemorySharedCalls implements SharedCalls {

    private final AtomicReference<SharedFeed> last = new AtomicReference<>();

    @Override
    public void publish(SharedFeed feed) {
        last.set(Objects.requireNonNull(feed, "feed"));
    }

    @Override
    public Optional<SharedFeed> read() {
        return Optional.ofNullable(last.get());
    }
}
