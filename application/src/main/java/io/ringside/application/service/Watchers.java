package io.ringside.application.service;

import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The open intake pages, each told of every new Recent callers list. A failing page never stops the others. */
public final class Watchers implements WatchRecentCallers {

    private static final Logger LOG = Logger.getLogger(Watchers.class.getName());

    private final Set<Consumer<RecentCallersResult>> listeners = new CopyOnWriteArraySet<>();
    private volatile RecentCallersResult latest;

    @Override
    public Subscription watch(Consumer<RecentCallersResult> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        RecentCallersResult known = latest;
        if (known != null) {
            deliver(listener, known);
        }
        return () -> listeners.remove(listener);
    }

    /** Sends {@code result} to every page. */
    public void publish(RecentCallersResult result) {
        latest = result;
        for (Consumer<RecentCallersResult> listener : listeners) {
            deliver(listener, result);
        }
    }

    public int count() {
        return listeners.size();
    }

    public boolean any() {
        return !listeners.isEmpty();
    }

    private static void deliver(Consumer<RecentCallersResult> listener, RecentCallersResult result) {
        try {
            listener.accept(result);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A Recent callers watcher failed; it stays subscribed", e);
        }
    }
}
