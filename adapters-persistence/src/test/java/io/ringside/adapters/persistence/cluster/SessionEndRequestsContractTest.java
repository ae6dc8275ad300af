package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SessionEndRequests;
import io.ringside.application.port.out.SessionEndRequests.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The SessionEndRequests contract: in memory, on a real H2 file database and on a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Implementation.class)
class SessionEndRequestsContractTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");

    @Parameter
    Implementation implementation;

    @TempDir
    Path dir;

    Implementation.Opened<SessionEndRequests> opened;
    SessionEndRequests requests;

    @BeforeEach
    void open() {
        opened = implementation.open(dir, InMemorySessionEndRequests::new, JdbcSessionEndRequests::new);
        requests = opened.store();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    @Test
    void requestsComeBackOldestFirstFromTheGivenMomentOn() {
        requests.request("jordan", NOW.plusSeconds(5));
        requests.request("sam", NOW);
        requests.request("maria", NOW.minusSeconds(10));

        assertThat(requests.since(NOW)).containsExactly(new Request("sam", NOW), new Request("jordan", NOW.plusSeconds(5)));
        assertThat(requests.since(NOW.plus(1, ChronoUnit.MICROS))).containsExactly(new Request("jordan", NOW.plusSeconds(5)));
        assertThat(requests.since(NOW.plusSeconds(6))).isEmpty();
    }

    @Test
    void theSamePersonTwiceIsTwoRequests() {
        requests.request("sam", NOW);
        requests.request("sam", NOW.plusSeconds(60));

        assertThat(requests.since(NOW.minusSeconds(1))).extracting(Request::username).containsExactly("sam", "sam");
    }

    @Test
    void purgingForgetsOnlyOlderRequests() {
        requests.request("maria", NOW.minusSeconds(10));
        requests.request("sam", NOW);

        assertThat(requests.purge(NOW)).isEqualTo(1);
        assertThat(requests.purge(NOW)).isZero();
        assertThat(requests.since(Instant.EPOCH)).containsExactly(new Request("sam", NOW));
    }
}
