package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.port.out.SharedFeed;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The SharedCalls contract: in memory, on a real H2 file database and on a real PostgreSQL. */
@ParameterizedClass(name = "{0}")
@EnumSource(Implementation.class)
class SharedCallsContractTest {

    static final Instant NOW = Instant.parse("2026-11-29T10:15:30.123456Z");

    @Parameter
    Implementation implementation;

    @TempDir
    Path dir;

    Implementation.Opened<SharedCalls> opened;
    SharedCalls shared;

    @BeforeEach
    void open() {
        opened = implementation.open(dir, InMemorySharedCalls::new, JdbcSharedCalls::new);
        shared = opened.store();
    }

    @AfterEach
    void close() {
        opened.close();
    }

    static final Extension MARIA = new Extension("ext-101", "101", "Maria | Reception; \"front\" 100% +1");
    static final Extension NUMBER_ONLY = new Extension("ext-102", "102", null);
    static final Extension ID_ONLY = new Extension("ext-103", null, null);

    /** A call ringing at three desks, from a caller whose number and name are known. */
    static final InboundCall RINGING = new InboundCall("rec-1", "session-1", Direction.INBOUND,
            new Caller(PhoneNumber.of("+16025551234"), "Ana Müller"), "+18005550100", NOW.minusSeconds(5),
            CallState.RINGING, null, Set.of(MARIA, NUMBER_ONLY, ID_ONLY));
    /** Answered by a desk, the caller's name unknown. */
    static final InboundCall CONNECTED = new InboundCall("rec-2", "session-2", Direction.INBOUND,
            Caller.of(PhoneNumber.of("+442071838750")), "+18005550100", NOW.minusSeconds(60),
            CallState.CONNECTED, MARIA, Set.of());
    /** A masked number with a name; no telephony session (keyed by its id), no dialled number. */
    static final InboundCall MASKED = new InboundCall("rec-3", null, Direction.INBOUND,
            new UnusableCallerId(UnusableCallerId.Reason.MASKED, "WIRELESS CALLER"), null, NOW.minusSeconds(120),
            CallState.MISSED);
    /** An anonymous call that ended after it was answered at a desk known by its id only. */
    static final InboundCall ANONYMOUS = new InboundCall("rec-4", "session-4", Direction.OUTBOUND,
            UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS), "103", NOW.minusSeconds(300),
            CallState.ENDED, ID_ONLY);

    @Test
    void nothingIsSharedBeforeTheFirstPublish() {
        assertThat(shared.read()).isEmpty();
    }

    @Test
    void everyFieldOfEveryCallAndOfTheFeedComesBack() {
        SharedFeed feed = new SharedFeed(List.of(RINGING, CONNECTED, MASKED, ANONYMOUS), SharedFeed.State.RATE_LIMITED,
                "RingCentral asked us to slow down", NOW.plusSeconds(60), NOW.minusSeconds(2), NOW);

        shared.publish(feed);

        SharedFeed read = shared.read().orElseThrow();
        assertThat(read.calls()).containsExactlyInAnyOrder(RINGING, CONNECTED, MASKED, ANONYMOUS);
        assertThat(read).usingRecursiveComparison().ignoringFields("calls").isEqualTo(feed);
    }

    @Test
    void aFeedWithoutCallsOrOptionalFieldsComesBack() {
        SharedFeed feed = new SharedFeed(List.of(), SharedFeed.State.NOT_CONNECTED, null, null, null, NOW);

        shared.publish(feed);

        assertThat(shared.read()).contains(feed);
    }

    @Test
    void aNewPublishReplacesTheLast() {
        shared.publish(new SharedFeed(List.of(RINGING, CONNECTED, MASKED), SharedFeed.State.UNAVAILABLE,
                "RingCentral did not answer", null, NOW.minusSeconds(30), NOW));
        InboundCall answered = RINGING.withDesks(CallState.CONNECTED, NUMBER_ONLY, Set.of());
        InboundCall ended = CONNECTED.withDesks(CallState.ENDED, MARIA, Set.of());
        SharedFeed next = new SharedFeed(List.of(answered, ended, ANONYMOUS), SharedFeed.State.OK, null, null,
                NOW.plusSeconds(1), NOW.plusSeconds(1));

        shared.publish(next);

        SharedFeed read = shared.read().orElseThrow();
        assertThat(read.calls()).as("changed, kept, added; the masked call left the feed")
                .containsExactlyInAnyOrder(answered, ended, ANONYMOUS);
        assertThat(read).usingRecursiveComparison().ignoringFields("calls").isEqualTo(next);
    }

    @Test
    void publishingTheSameFeedAgainChangesNothing() {
        SharedFeed feed = new SharedFeed(List.of(RINGING, MASKED), SharedFeed.State.OK, null, null, NOW, NOW);
        shared.publish(feed);

        shared.publish(feed);

        assertThat(shared.read().orElseThrow().calls()).containsExactlyInAnyOrder(RINGING, MASKED);
    }

    @Test
    void aReaderSeesOnePublishOrTheNextNeverAMixOfBoth() throws Exception {
        SharedFeed first = feedOf("first", 0);
        SharedFeed second = feedOf("second", 20);
        shared.publish(first);
        AtomicBoolean publishing = new AtomicBoolean(true);
        CompletableFuture<Void> publisher = CompletableFuture.runAsync(() -> {
            try {
                for (int round = 0; round < 40; round++) {
                    shared.publish(round % 2 == 0 ? second : first);
                }
            } finally {
                publishing.set(false);
            }
        });

        List<SharedFeed> seen = new ArrayList<>();
        while (publishing.get()) {
            seen.add(shared.read().orElseThrow());
        }
        publisher.get();

        assertThat(seen).allSatisfy(read -> assertThat(read.calls())
                .containsExactlyInAnyOrderElementsOf(read.detail().equals("first") ? first.calls() : second.calls()));
    }

    /** Ten ringing calls (ids from {@code firstId}) under a detail that names the feed. */
    private static SharedFeed feedOf(String name, int firstId) {
        List<InboundCall> calls = IntStream.range(firstId, firstId + 10)
                .mapToObj(i -> new InboundCall("rec-" + i, "session-" + i, Direction.INBOUND,
                        Caller.of(PhoneNumber.of("+1602555" + (1000 + i))), null, NOW.minusSeconds(i),
                        CallState.RINGING, null, Set.of(MARIA)))
                .toList();
        return new SharedFeed(calls, SharedFeed.State.OK, name, null, NOW, NOW);
    }
}
