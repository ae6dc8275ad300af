package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.InstanceRegistry;
import io.ringside.application.port.out.InstanceRegistry.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The InstanceRegistry contract: in memory, on a real H2 file database and on a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Implementation.class)
class InstanceRegistryContractTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");

    @Parameter
    Implementation implementation;

    @TempDir
    Path dir;

    Implementation.Opened<InstanceRegistry> opened;
    InstanceRegistry registry;

    @BeforeEach
    void open() {
        opened = implementation.open(dir, InMemoryInstanceRegistry::new, JdbcInstanceRegistry::new);
        registry = opened.store();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void theInstancesHeardFromAreListedNewestStartFirstWithTheirLatestWord() {
        Instance older = new Instance("a1", "web-1", NOW.minusSeconds(3600), NOW.minusSeconds(1), NOW.minusSeconds(3000), 12);
        Instance newer = new Instance("b2", "web-2", NOW.minusSeconds(60), NOW, null, 0);
        registry.heartbeat(older);
        registry.heartbeat(newer);

        assertThat(registry.seenSince(NOW.minusSeconds(30))).containsExactly(newer, older);
    }

    @Test
    void aHeartbeatReplacesTheInstancesFormerWord() {
        registry.heartbeat(new Instance("a1", "web-1", NOW.minusSeconds(60), NOW.minusSeconds(10), NOW.minusSeconds(50), 3));
        Instance now = new Instance("a1", null, NOW.minusSeconds(60), NOW, null, 7);

        registry.heartbeat(now);

        assertThat(registry.seenSince(NOW.minusSeconds(60))).containsExactly(now);
    }

    @Test
    void anInstanceNotHeardFromSinceIsLeftOut() {
        Instance silent = new Instance("gone", "web-9", NOW.minusSeconds(600), NOW.minusSeconds(31), null, 0);
        Instance justInTime = new Instance("edge", "web-3", NOW.minusSeconds(600), NOW.minusSeconds(30), null, 0);
        registry.heartbeat(silent);
        registry.heartbeat(justInTime);

        assertThat(registry.seenSince(NOW.minusSeconds(30))).containsExactly(justInTime);
    }
}
