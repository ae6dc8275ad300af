package io.ringside.application.service;

import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.testing.FakeOwnershipLock;
import io.ringside.application.testing.InMemoryInstanceRegistry;
import io.ringside.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ClusterAudienceTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryInstanceRegistry registry = new InMemoryInstanceRegistry();
    private final FakeOwnershipLock lock = new FakeOwnershipLock();
    private final Ownership ownershipA = new Ownership(lock.session(), clock);
    private final Ownership ownershipB = new Ownership(lock.session(), clock);
    private final Watchers watchersA = new Watchers();
    private final Watchers watchersB = new Watchers();
    private final InstanceHeartbeat heartbeatA = new InstanceHeartbeat(registry, ownershipA, watchersA, "a", "host-a", clock);
    private final InstanceHeartbeat heartbeatB = new InstanceHeartbeat(registry, ownershipB, watchersB, "b", "host-b", clock);
    private final ClusterAudience audienceA = new ClusterAudience(watchersA, registry, "a", clock);

    @Test
    void nobodyWatchingAnywhereIsNobody() {
        heartbeatA.beat();
        heartbeatB.beat();

        assertThat(audienceA.anyoneWatching()).isFalse();
    }

    @Test
    void aPageOpenHereCountsAtOnce() {
        watchersA.watch(list -> { });

        assertThat(audienceA.anyoneWatching()).isTrue();
        assertThat(registry.reads).hasValue(0);
    }

    @Test
    void aPageOpenOnAnotherInstanceCountsOnceThatInstanceBeats() {
        WatchRecentCallers.Subscription page = watchersB.watch(list -> { });
        heartbeatB.beat();

        assertThat(audienceA.anyoneWatching()).isTrue();

        page.close();
        heartbeatB.beat();
        clock.advance(ClusterAudience.RECHECK);
        assertThat(audienceA.anyoneWatching()).isFalse();
    }

    @Test
    void anInstanceNotHeardFromFor20SecondsNoLongerCounts() {
        watchersB.watch(list -> { });
        heartbeatB.beat();
        assertThat(audienceA.anyoneWatching()).isTrue();

        clock.advance(Duration.ofSeconds(21)); // b died with its page open

        assertThat(audienceA.anyoneWatching()).isFalse();
    }

    @Test
    void theOthersAreAskedAtMostEveryFewSecondsThoughTheSchedulerAsksEverySecond() {
        heartbeatB.beat();

        for (int second = 0; second < 10; second++) {
            audienceA.anyoneWatching();
            clock.advance(Duration.ofSeconds(1));
        }

        assertThat(registry.reads).hasValue(2);
    }

    @Test
    void theHeartbeatSaysWhoOwnsSinceWhenAndHowManyPagesAreOpen() {
        ownershipA.tick();
        watchersA.watch(list -> { });
        watchersA.watch(list -> { });
        clock.advance(Duration.ofSeconds(5));

        heartbeatA.beat();

        assertThat(registry.row("a")).satisfies(row -> {
            assertThat(row.host()).isEqualTo("host-a");
            assertThat(row.startedAt()).isEqualTo(T0);
            assertThat(row.lastSeen()).isEqualTo(T0.plusSeconds(5));
            assertThat(row.ownerSince()).isEqualTo(T0);
            assertThat(row.watchers()).isEqualTo(2);
        });
    }
}
