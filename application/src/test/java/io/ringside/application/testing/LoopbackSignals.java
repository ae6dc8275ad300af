package io.ringside.application.testing;

import io.ringside.application.port.out.ClusterSignals;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * One signal bus for any number of instances in a test: a signal reaches every listener at once, on the signalling
 * thread. A listener can be made deaf, as if its connection had dropped, and then reconnected.
 */
public final class LoopbackSignals implements ClusterSignals {

    private final Set<Listener> listeners = new CopyOnWriteArraySet<>();
    /** Every signal sent, in order. */
    public final List<Topic> sent = new CopyOnWriteArrayList<>();
    /** While true, sending a signal fails, as a NOTIFY does when the database is unreachable. */
    public volatile boolean sendingFails;

    /** One listening instance; deaf while its (pretend) connection is down. */
    public final class Listener implements Subscription {
        private final Consumer<Topic> changed;
        private final Runnable reconnected;
        private volatile boolean deaf;

        private Listener(Consumer<Topic> changed, Runnable reconnected) {
            this.changed = changed;
            this.reconnected = reconnected;
        }

        /** The listening connection dropped: signals are lost until {@link #reconnect()}. */
        public void dropConnection() {
            deaf = true;
        }

        /** Listening again: told so, as the real listener does after a break. */
        public void reconnect() {
            deaf = false;
            reconnected.run();
        }

        @Override
        public void close() {
            listeners.remove(this);
        }
    }

    @Override
    public void signal(Topic topic) {
        if (sendingFails) {
            throw new IllegalStateException("NOTIFY failed: connection refused");
        }
        sent.add(topic);
        for (Listener listener : listeners) {
            if (!listener.deaf) {
                listener.changed.accept(topic);
            }
        }
    }

    @Override
    public Listener listen(Consumer<Topic> changed, Runnable reconnected) {
        Listener listener = new Listener(changed, reconnected);
        listeners.add(listener);
        reconnected.run();
        return listener;
    }

    public int listening() {
        return listeners.size();
    }

    /** The listener subscribed {@code index}-th (0 = first) that is still listening. */
    public Listener listener(int index) {
        return List.copyOf(listeners).get(index);
    }
}
