package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClusterSignals;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Cluster signals within one process (a single instance). Each listener hears on a thread of its own, as it would
 * from PostgreSQL: a signal never runs listener code on the signaller's thread, and a slow listener delays only
 * itself. It never misses a signal, so it is told {@code reconnected} once, when it starts listening.
 */
public final class InProcessSignals implements ClusterSignals, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessSignals.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Set<Listener> listeners = ConcurrentHashMap.newKeySet();

    @Override
    public void signal(Topic topic) {
        Objects.requireNonNull(topic, "topic");
        listeners.forEach(listener -> listener.deliver(() -> listener.changed.accept(topic)));
    }

    @Override
    public Subscription listen(Consumer<Topic> changed, Runnable reconnected) {
        Listener listener = new Listener(Objects.requireNonNull(changed, "changed"));
        Objects.requireNonNull(reconnected, "reconnected");
        listener.deliver(reconnected); // before any signal: the executor runs in order
        listeners.add(listener);
        return listener;
    }

    @Override
    public void close() {
        listeners.forEach(Listener::close);
    }

    private final class Listener implements Subscription {

        private final Consumer<Topic> changed;
        private final ExecutorService thread = Executors.newSingleThreadExecutor(
                Thread.ofPlatform().daemon().name("ringside-signals-" + THREADS.incrementAndGet()).factory());

        Listener(Consumer<Topic> changed) {
            this.changed = changed;
        }

        void deliver(Runnable callback) {
            try {
                thread.execute(() -> {
                    try {
                        callback.run();
                    } catch (RuntimeException e) {
                        log.warn("A signal listener failed", e);
                    }
                });
            } catch (RejectedExecutionException closedMeanwhile) {
                // closed while this signal was on its way: nobody to tell
            }
        }

        @Override
        public void close() {
            listeners.remove(this);
            thread.shutdown();
        }
    }
}
