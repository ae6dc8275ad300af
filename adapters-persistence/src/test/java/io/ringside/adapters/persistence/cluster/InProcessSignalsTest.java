package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClusterSignals.Subscription;
import io.ringside.application.port.out.ClusterSignals.Topic;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signals within one instance. */
class InProcessSignalsTest {

    final InProcessSignals signals = new InProcessSignals();

    @AfterEach
    void close() {
        signals.close();
    }

    @Test
    void everyListenerIsToldItListensThenHearsEverySignalInOrder() {
        List<String> first = new CopyOnWriteArrayList<>();
        List<String> second = new CopyOnWriteArrayList<>();
        signals.listen(topic -> first.add(topic.name()), () -> first.add("reconnected"));
        signals.listen(topic -> second.add(topic.name()), () -> second.add("reconnected"));

        signals.signal(Topic.CALLS);
        signals.signal(Topic.CLAIMS);

        await().until(() -> first.size() == 3 && second.size() == 3);
        assertThat(first).containsExactly("reconnected", "CALLS", "CLAIMS");
        assertThat(second).containsExactly("reconnected", "CALLS", "CLAIMS");
    }

    @Test
    void aClosedListenerHearsNothingMoreAndAFailingOneKeepsHearing() {
        List<Topic> closed = new CopyOnWriteArrayList<>();
        List<Topic> failing = new CopyOnWriteArrayList<>();
        Subscription subscription = signals.listen(closed::add, () -> { });
        signals.listen(topic -> {
            failing.add(topic);
            throw new IllegalStateException("a listener's own bug");
        }, () -> { });

        subscription.close();
        signals.signal(Topic.CALLS);
        signals.signal(Topic.CLAIMS);

        await().until(() -> failing.size() == 2);
        assertThat(closed).isEmpty();
    }

    @Test
    void aSignalDoesNotRunListenerCodeOnTheSignallersThread() {
        List<Thread> threads = new CopyOnWriteArrayList<>();
        signals.listen(topic -> threads.add(Thread.currentThread()), () -> { });

        signals.signal(Topic.CALLS);

        await().until(() -> threads.size() == 1);
        assertThat(threads).doesNotContain(Thread.currentThread());
    }
}
