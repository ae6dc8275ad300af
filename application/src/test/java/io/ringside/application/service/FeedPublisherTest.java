package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.SharedFeed;
import io.ringside.application.testing.FakeOwnershipLock;
import io.ringside.application.testing.InMemorySharedCalls;
import io.ringside.application.testing.LoopbackSignals;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;

import static org.assertj.core.api.Assertions.assertThat;

class FeedPublisherTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final Caller PAT = new Caller(new PhoneNumber("+16025551234"), "Pat Doe");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemorySharedCalls shared = new InMemorySharedCalls();
    private final LoopbackSignals signals = new LoopbackSignals();
    private final FakeOwnershipLock lock = new FakeOwnershipLock();
    private final Ownership ownership = new Ownership(lock.session(), clock);
    /** The writer's thread, run by hand: tasks wait here until the test runs them. */
    private final Queue<Runnable> writerTasks = new ArrayDeque<>();
    private final Executor writer = writerTasks::add;
    private final FeedPublisher publisher = new FeedPublisher(shared, signals, ownership, clock, writer);

    private static RecentCallersBoard.Snapshot withCalls(int count) {
        List<InboundCall> calls = java.util.stream.IntStream.range(0, count)
                .mapToObj(n -> new InboundCall("s-" + n, "s-" + n, Direction.INBOUND, PAT, null, T0.plusSeconds(n), CallState.MISSED))
                .toList();
        return new RecentCallersBoard.Snapshot(calls, new FeedStatus.Ok(), T0);
    }

    private void runWriter() {
        Runnable task;
        while ((task = writerTasks.poll()) != null) {
            task.run();
        }
    }

    @Test
    void theOwnersSnapshotIsSharedAndAnnounced() {
        ownership.tick();

        publisher.publish(withCalls(2));
        runWriter();

        assertThat(shared.read()).get().satisfies(feed -> {
            assertThat(feed.calls()).hasSize(2);
            assertThat(feed.state()).isEqualTo(SharedFeed.State.OK);
            assertThat(feed.asOf()).isEqualTo(T0);
            assertThat(feed.published()).isEqualTo(T0);
        });
        assertThat(signals.sent).containsExactly(ClusterSignals.Topic.CALLS);
    }

    @Test
    void snapshotsArrivingFasterThanTheyAreWrittenAreCoalescedTheLatestWins() {
        ownership.tick();

        publisher.publish(withCalls(1));
        publisher.publish(withCalls(2));
        publisher.publish(withCalls(3));
        assertThat(writerTasks).hasSize(1);
        runWriter();

        assertThat(shared.published).singleElement().satisfies(feed -> assertThat(feed.calls()).hasSize(3));
        assertThat(signals.sent).containsExactly(ClusterSignals.Topic.CALLS);
    }

    @Test
    void aSnapshotArrivingWhileOneIsWrittenIsWrittenNextNotLost() {
        ownership.tick();
        shared.duringNextPublish = () -> {
            publisher.publish(withCalls(2));
            publisher.publish(withCalls(4));
        };

        publisher.publish(withCalls(1));
        runWriter();

        assertThat(shared.published).extracting(feed -> feed.calls().size()).containsExactly(1, 4);
        assertThat(signals.sent).hasSize(2);
    }

    @Test
    void aFollowerNeverWritesItsMirroredBoardBack() {
        new Ownership(lock.session(), clock).tick(); // another instance owns RingCentral
        ownership.tick();

        publisher.publish(withCalls(2));
        runWriter();

        assertThat(shared.published).isEmpty();
        assertThat(signals.sent).isEmpty();
    }

    @Test
    void aFailedWriteIsNotAnnouncedAndTheNextSnapshotIsWritten() {
        ownership.tick();
        shared.failure = new IllegalStateException("connection reset");
        publisher.publish(withCalls(1));
        runWriter();
        assertThat(signals.sent).isEmpty();

        shared.failure = null;
        publisher.publish(withCalls(2));
        runWriter();

        assertThat(shared.read()).get().satisfies(feed -> assertThat(feed.calls()).hasSize(2));
        assertThat(signals.sent).containsExactly(ClusterSignals.Topic.CALLS);
    }

    @Test
    void everyFeedStatusCrossesToTheOtherInstancesIntact() {
        List<FeedStatus> statuses = List.of(new FeedStatus.Ok(), new FeedStatus.NotConnected(), new FeedStatus.ReconnectNeeded(),
                new FeedStatus.Unavailable("RingCentral answered 503"), new FeedStatus.RateLimitedUntil(T0.plusSeconds(60)));

        for (FeedStatus status : statuses) {
            SharedFeed feed = SharedFeedStatus.share(new RecentCallersBoard.Snapshot(List.of(), status, T0), T0);
            assertThat(SharedFeedStatus.of(feed)).isEqualTo(status);
        }
    }
}
