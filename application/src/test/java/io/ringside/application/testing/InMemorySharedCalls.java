package io.ringside.application.testing;

import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.port.out.SharedFeed;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** The shared feed's table, in memory: what the owner published last, and every publish in order. */
public final class InMemorySharedCalls implements SharedCalls {

    public final List<SharedFeed> published = new CopyOnWriteArrayList<>();
    public volatile RuntimeException failure;
    /** Runs inside the next publish, before it is stored: what happens while a write is under way. */
    public volatile Runnable duringNextPublish;
    private volatile SharedFeed latest;

    @Override
    public void publish(SharedFeed feed) {
        failIfAsked();
        Runnable hook = duringNextPublish;
        if (hook != null) {
            duringNextPublish = null;
            hook.run();
        }
        published.add(feed);
        latest = feed;
    }

    @Override
    public Optional<SharedFeed> read() {
        failIfAsked();
        return Optional.ofNullable(latest);
    }

    private void failIfAsked() {
        RuntimeException now = failure;
        if (now != null) {
            throw now;
        }
    }
}
