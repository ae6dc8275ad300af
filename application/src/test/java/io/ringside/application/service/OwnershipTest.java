package io.ringside.application.service;

import io.ringside.application.testing.FakeOwnershipLock;
import io.ringside.application.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class OwnershipTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final FakeOwnershipLock lock = new FakeOwnershipLock();
    private final FakeOwnershipLock.Session sessionA = lock.session();
    private final FakeOwnershipLock.Session sessionB = lock.session();
    private final Ownership a = new Ownership(sessionA, clock);
    private final Ownership b = new Ownership(sessionB, clock);

    @Test
    void theFirstToAskOwnsItAndTheOtherFollows() {
        a.tick();
        clock.advance(Duration.ofSeconds(1));
        b.tick();

        assertThat(a.isOwner()).isTrue();
        assertThat(a.ownerSince()).isEqualTo(T0);
        assertThat(b.isOwner()).isFalse();
        assertThat(b.ownerSince()).isNull();
    }

    @Test
    void whenTheOwnerDiesTheOtherTakesOverAtItsNextTick() {
        a.tick();
        b.tick();

        sessionA.end(); // kill -9: the database ends the session
        clock.advance(Duration.ofSeconds(2));
        b.tick();

        assertThat(b.isOwner()).isTrue();
        assertThat(b.ownerSince()).isEqualTo(T0.plusSeconds(2));
    }

    @Test
    void anOwnerWhoseConnectionBrokeStopsBeingTheOwnerAndTheListenersHearIt() {
        List<Boolean> heard = new CopyOnWriteArrayList<>();
        a.onChange(heard::add);
        a.tick();

        sessionA.breakConnection();
        a.tick();
        a.tick();

        assertThat(a.isOwner()).isFalse();
        assertThat(a.ownerSince()).isNull();
        assertThat(heard).containsExactly(true, false);

        b.tick();
        assertThat(b.isOwner()).isTrue();
        sessionA.repair();
        a.tick();
        assertThat(a.isOwner()).isFalse();
    }

    @Test
    void aDatabaseThatCannotAnswerMeansNotTheOwner() {
        sessionA.breakConnection();

        a.tick();

        assertThat(a.isOwner()).isFalse();
        sessionA.repair();
        a.tick();
        assertThat(a.isOwner()).isTrue();
    }

    @Test
    void releasingAtShutdownLetsTheOtherTakeOverAtOnce() {
        a.tick();
        b.tick();

        a.release();
        b.tick();

        assertThat(a.isOwner()).isFalse();
        assertThat(b.isOwner()).isTrue();
    }

    @Test
    void ownerOnlyWorkRunsOnTheOwnerOnly() {
        AtomicInteger keptAlive = new AtomicInteger();
        a.tick();
        b.tick();

        a.ifOwner(keptAlive::incrementAndGet);
        b.ifOwner(keptAlive::incrementAndGet);

        assertThat(keptAlive).hasValue(1);
    }

    @Test
    void aloneItIsTheOwnerFromTheStart() {
        Ownership alone = Ownership.alone(clock);

        assertThat(alone.isOwner()).isTrue();
        alone.tick();
        assertThat(alone.isOwner()).isTrue();
    }
}
