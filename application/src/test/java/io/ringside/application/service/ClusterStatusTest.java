package io.ringside.application.service;

import io.ringside.application.port.in.ClusterView;
import io.ringside.application.port.out.InstanceRegistry;
import io.ringside.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ClusterStatusTest {

    private static final Instant NOW = Instant.parse("2026-11-29T14:10:00Z");

    /** The heartbeat table: the latest row per instance. */
    static final class Heartbeats implements InstanceRegistry {
        final List<Instance> rows = new ArrayList<>();

        @Override
        public void heartbeat(Instance instance) {
            rows.removeIf(row -> row.id().equals(instance.id()));
            rows.add(instance);
        }

        @Override
        public List<Instance> seenSince(Instant since) {
            return rows.stream().filter(row -> !row.lastSeen().isBefore(since))
                    .sorted(Comparator.comparing(Instance::startedAt).reversed()).toList();
        }
    }

    private final Heartbeats registry = new Heartbeats();
    private final MutableClock clock = new MutableClock(NOW);
    private final ClusterStatus status = new ClusterStatus(registry, "b", true, clock);

    private static InstanceRegistry.Instance instance(String id, String host, Duration ago, Instant ownerSince, int watchers) {
        return new InstanceRegistry.Instance(id, host, NOW.minus(Duration.ofHours(1)).plusSeconds(id.charAt(0)),
                NOW.minus(ago), ownerSince, watchers);
    }

    @Test
    void showsTheOwnerSinceWhenAndEveryInstanceSeenWithItsPages() {
        Instant since = Instant.parse("2026-11-29T14:02:00Z");
        registry.heartbeat(instance("a", "web-1", Duration.ofSeconds(3), since, 2));
        registry.heartbeat(instance("b", "web-2", Duration.ofSeconds(1), null, 5));

        ClusterView view = status.cluster();

        assertThat(view.thisInstance()).isEqualTo("b");
        assertThat(view.shared()).isTrue();
        assertThat(view.ownerInstance()).isEqualTo("a");
        assertThat(view.ownerSince()).isEqualTo(since);
        assertThat(view.owner()).map(ClusterView.Instance::host).contains("web-1");
        assertThat(view.seen()).extracting(ClusterView.Instance::id, ClusterView.Instance::owner, ClusterView.Instance::watchers)
                .containsExactly(tuple("b", false, 5), tuple("a", true, 2));
    }

    @Test
    void anInstanceSilentForAMinuteIsNoLongerListed() {
        registry.heartbeat(instance("a", "web-1", Duration.ofSeconds(60), null, 0));
        registry.heartbeat(instance("c", "web-3", Duration.ofSeconds(61), null, 0));

        assertThat(status.cluster().seen()).extracting(ClusterView.Instance::id).containsExactly("a");
    }

    @Test
    void afterATakeoverTheNewOwnerIsTheOwnerThoughTheOldOnesLastRowStillSaysOwner() {
        registry.heartbeat(instance("a", "web-1", Duration.ofSeconds(25), Instant.parse("2026-11-29T13:00:00Z"), 0));
        registry.heartbeat(instance("b", "web-2", Duration.ofSeconds(2), Instant.parse("2026-11-29T14:09:50Z"), 0));

        ClusterView view = status.cluster();

        assertThat(view.ownerInstance()).isEqualTo("b");
        assertThat(view.ownerSince()).isEqualTo(Instant.parse("2026-11-29T14:09:50Z"));
        assertThat(view.seen()).filteredOn(ClusterView.Instance::owner).extracting(ClusterView.Instance::id).containsExactly("b");
    }

    @Test
    void noOwnerSeenSaysSo() {
        registry.heartbeat(instance("b", "web-2", Duration.ofSeconds(2), null, 1));

        ClusterView view = status.cluster();

        assertThat(view.ownerInstance()).isNull();
        assertThat(view.ownerSince()).isNull();
        assertThat(view.owner()).isEmpty();
    }

    @Test
    void onH2ItSaysItRunsAlone() {
        ClusterView view = new ClusterStatus(registry, "solo", false, clock).cluster();

        assertThat(view.shared()).isFalse();
        assertThat(view.thisInstance()).isEqualTo("solo");
    }
}
