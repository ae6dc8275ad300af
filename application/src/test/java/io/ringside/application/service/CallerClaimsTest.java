package io.ringside.application.service;

import io.ringside.application.port.in.ClaimCallers;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.testing.InMemoryClaimStore;
import io.ringside.application.testing.LoopbackSignals;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CallerClaimsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T14:00:00Z");
    private static final PhoneNumber PAT = PhoneNumber.of("+16025551234");
    private static final PhoneNumber LEE = PhoneNumber.of("+16025559876");
    private static final Actor MARIA = new Actor(UUID.randomUUID(), "maria", "Maria Lopez", "10.0.0.8");
    private static final Actor SAM = new Actor(UUID.randomUUID(), "sam", "Sam Rivera", "10.0.0.9");

    private final MutableClock clock = new MutableClock(T0);
    /** The database's claims and its LISTEN/NOTIFY, shared by the instances of a test. */
    private final InMemoryClaimStore store = new InMemoryClaimStore();
    private final LoopbackSignals signals = new LoopbackSignals();
    private final CallerClaims claims = new CallerClaims(store, signals, clock);

    /** What one open intake page was told, in order. */
    static final class Page implements Consumer<List<Claim>> {
        final List<List<Claim>> told = new CopyOnWriteArrayList<>();

        @Override
        public void accept(List<Claim> now) {
            told.add(now);
        }

        List<Claim> last() {
            return told.getLast();
        }

        /** "· Maria Lopez is on it", by number. */
        List<String> onIt() {
            return last().stream().map(claim -> claim.phone().e164() + " " + claim.displayName()).toList();
        }
    }

    @Test
    void aClaimByMariaIsSeenByASecondPageWithHerName() {
        Page hers = new Page();
        Page colleagues = new Page();
        claims.watch(hers);
        claims.watch(colleagues);

        claims.claim(PAT, MARIA);

        assertThat(colleagues.onIt()).containsExactly("+16025551234 Maria Lopez");
        assertThat(colleagues.last().getFirst().userId()).isEqualTo(MARIA.userId());
        assertThat(claims.claims()).isEqualTo(colleagues.last());
    }

    @Test
    void aPageOpenedLaterIsToldTheClaimsInForceAtOnce() {
        claims.claim(PAT, MARIA);
        Page late = new Page();

        claims.watch(late);

        assertThat(late.told).hasSize(1);
        assertThat(late.onIt()).containsExactly("+16025551234 Maria Lopez");
    }

    @Test
    void claimingAgainTellsNobodyButAColleagueTakingTheCallerDoes() {
        Page page = new Page();
        claims.watch(page);
        claims.claim(PAT, MARIA);
        clock.advance(Duration.ofMinutes(1));

        claims.claim(PAT, MARIA);
        assertThat(page.told).hasSize(2); // on watch, and Maria's first claim

        claims.claim(PAT, SAM);
        assertThat(page.told).hasSize(3);
        assertThat(page.onIt()).containsExactly("+16025551234 Sam Rivera");
    }

    @Test
    void aClaimEndsAfterTenMinutesWhenExpireRuns() {
        Page page = new Page();
        claims.watch(page);
        claims.claim(PAT, MARIA);

        clock.advance(Claim.LASTS.minusSeconds(1));
        claims.expire();
        assertThat(page.onIt()).containsExactly("+16025551234 Maria Lopez");
        assertThat(page.told).hasSize(2);

        clock.advance(Duration.ofSeconds(1));
        assertThat(claims.claims()).as("over, even before expire runs").isEmpty();
        claims.expire();
        assertThat(page.last()).isEmpty();
        assertThat(page.told).hasSize(3);

        claims.expire();
        assertThat(page.told).as("nothing more ended").hasSize(3);
    }

    @Test
    void claimingAfterAClaimRanOutTellsThePagesAgain() {
        claims.claim(PAT, MARIA);
        clock.advance(Claim.LASTS);
        Page page = new Page();
        claims.watch(page);
        assertThat(page.last()).isEmpty();

        claims.claim(PAT, MARIA); // before the scheduled expire ran

        assertThat(page.onIt()).containsExactly("+16025551234 Maria Lopez");
    }

    @Test
    void herSaveEndsHerClaim() {
        Page page = new Page();
        claims.watch(page);
        claims.claim(PAT, MARIA);
        claims.claim(LEE, SAM);

        claims.released(PAT, MARIA.userId());

        assertThat(page.onIt()).containsExactly("+16025559876 Sam Rivera");
    }

    @Test
    void someoneElsesSaveLeavesHerClaimAndTellsNobody() {
        Page page = new Page();
        claims.watch(page);
        claims.claim(PAT, MARIA);
        int toldBefore = page.told.size();

        claims.released(PAT, SAM.userId());
        claims.released(LEE, MARIA.userId());

        assertThat(page.told).hasSize(toldBefore);
        assertThat(claims.claims()).extracting(Claim::displayName).containsExactly("Maria Lopez");
    }

    @Test
    void ringsideItselfCannotClaim() {
        assertThatThrownBy(() -> claims.claim(PAT, Actor.system()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("person");
        assertThat(claims.claims()).isEmpty();
    }

    @Test
    void aFailingPageDoesNotStopTheOthersAndStaysSubscribed() {
        List<Integer> calls = new ArrayList<>();
        claims.watch(now -> {
            calls.add(now.size());
            throw new IllegalStateException("page detached");
        });
        Page page = new Page();
        claims.watch(page);

        claims.claim(PAT, MARIA);
        claims.claim(LEE, SAM);

        assertThat(page.onIt()).containsExactly("+16025551234 Maria Lopez", "+16025559876 Sam Rivera");
        assertThat(calls).containsExactly(0, 1, 2);
    }

    @Test
    void aClosedPageHearsNoMore() {
        Page page = new Page();
        ClaimCallers.Subscription subscription = claims.watch(page);
        subscription.close();

        claims.claim(PAT, MARIA);

        assertThat(page.told).hasSize(1);
    }

    @Test
    @Timeout(10)
    void pagesAreToldOutsideTheClaimsLock() {
        List<List<Claim>> readFromAnotherThread = new CopyOnWriteArrayList<>();
        claims.watch(now -> {
            // A page's update runs elsewhere (ui.access); if the lock were held here, this would wait for ever.
            Thread reader = Thread.ofPlatform().start(() -> readFromAnotherThread.add(claims.claims()));
            try {
                assertThat(reader.join(Duration.ofSeconds(5))).isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        claims.claim(PAT, MARIA);

        assertThat(readFromAnotherThread).hasSize(2);
        assertThat(readFromAnotherThread.getLast()).extracting(Claim::displayName).containsExactly("Maria Lopez");
    }

    @Test
    @Timeout(20)
    void whenManyClaimAtOnceTheLastListAPageGetsHasThemAll() throws Exception {
        Page page = new Page();
        claims.watch(page);
        int operators = 16;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(operators);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < operators; i++) {
                PhoneNumber caller = PhoneNumber.of("+160255500" + (10 + i));
                Actor operator = new Actor(UUID.randomUUID(), "op" + i, "Operator " + i, null);
                done.add(threads.submit(() -> {
                    go.await();
                    claims.claim(caller, operator);
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> each : done) {
                each.get(10, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(page.last()).hasSize(operators);
    }

    @Test
    void aClaimMadeOnOneInstanceIsSeenOnAPageOfAnother() {
        CallerClaims other = new CallerClaims(store, signals, clock);
        Page colleagues = new Page();
        other.watch(colleagues);

        claims.claim(PAT, MARIA);

        assertThat(colleagues.onIt()).containsExactly("+16025551234 Maria Lopez");
        assertThat(other.claims()).extracting(Claim::displayName).containsExactly("Maria Lopez");
    }

    @Test
    void herSaveOnOneInstanceEndsHerClaimOnThePagesOfAnother() {
        CallerClaims other = new CallerClaims(store, signals, clock);
        Page colleagues = new Page();
        other.watch(colleagues);
        claims.claim(PAT, MARIA);

        claims.released(PAT, MARIA.userId());

        assertThat(colleagues.last()).isEmpty();
    }

    @Test
    void claimsEndedByAnotherInstancesExpiryLeaveThePagesHere() {
        CallerClaims other = new CallerClaims(store, signals, clock);
        Page here = new Page();
        claims.watch(here);
        claims.claim(PAT, MARIA);
        clock.advance(Claim.LASTS);

        other.expire();

        assertThat(here.last()).isEmpty();
    }

    @Test
    void aPageOnAnInstanceThatMissedTheSignalCatchesUpWhenItListensAgain() {
        Page colleagues = new Page();
        CallerClaims other = new CallerClaims(store, signals, clock);
        other.watch(colleagues);
        LoopbackSignals.Listener othersConnection = signals.listener(1);
        othersConnection.dropConnection();

        claims.claim(PAT, MARIA);
        assertThat(colleagues.last()).as("the signal was lost").isEmpty();

        othersConnection.reconnect();
        assertThat(colleagues.onIt()).containsExactly("+16025551234 Maria Lopez");
    }

    @Test
    void aMissedSignalIsCaughtUpByTheScheduledExpiryToo() {
        Page colleagues = new Page();
        CallerClaims other = new CallerClaims(store, signals, clock);
        other.watch(colleagues);
        signals.listener(1).dropConnection();
        claims.claim(PAT, MARIA);

        other.expire();

        assertThat(colleagues.onIt()).containsExactly("+16025551234 Maria Lopez");
    }

    @Test
    void thePagesHereAreToldEvenWhileTheListeningConnectionIsDown() {
        Page page = new Page();
        claims.watch(page);
        signals.listener(0).dropConnection();

        claims.claim(PAT, MARIA);

        assertThat(page.onIt()).containsExactly("+16025551234 Maria Lopez");
        assertThat(page.told).as("told once, not again when its own signal comes back").hasSize(2);
    }

    @Test
    void everyChangeIsAnnouncedToTheOtherInstancesAndOnlyChanges() {
        claims.claim(PAT, MARIA);
        claims.claim(PAT, MARIA);
        claims.released(PAT, SAM.userId());
        claims.expire();
        assertThat(signals.sent).containsExactly(ClusterSignals.Topic.CLAIMS);

        claims.released(PAT, MARIA.userId());
        assertThat(signals.sent).hasSize(2);
    }

    @Test
    void aClosedInstanceStopsListening() {
        CallerClaims other = new CallerClaims(store, signals, clock);
        Page colleagues = new Page();
        other.watch(colleagues);
        assertThat(signals.listening()).isEqualTo(2);

        other.close();
        claims.claim(PAT, MARIA);

        assertThat(signals.listening()).isEqualTo(1);
        assertThat(colleagues.last()).isEmpty();
    }

    @Test
    void aClaimIsKeptAndShownHereWhenTheOtherInstancesCannotBeTold() {
        Page page = new Page();
        claims.watch(page);
        signals.sendingFails = true;

        claims.claim(PAT, MARIA);

        assertThat(page.onIt()).containsExactly("+16025551234 Maria Lopez");
        assertThat(store.active(clock.instant())).hasSize(1);
    }

    @Test
    void aSaveIsNotFailedByAClaimThatCannotBeReleased() {
        CallerClaims onABrokenStore = new CallerClaims(new InMemoryClaimStoreThatCannotRelease(), signals, clock);

        assertThatCode(() -> onABrokenStore.released(PAT, MARIA.userId())).doesNotThrowAnyException();
    }

    /** The database gone between the intake's save and the release of its claim. */
    static final class InMemoryClaimStoreThatCannotRelease implements io.ringside.application.port.out.ClaimStore {
        private final InMemoryClaimStore store = new InMemoryClaimStore();

        @Override
        public void put(Claim claim) {
            store.put(claim);
        }

        @Override
        public boolean release(PhoneNumber phone, UUID by) {
            throw new IllegalStateException("connection refused");
        }

        @Override
        public int expire(Instant now) {
            return store.expire(now);
        }

        @Override
        public List<Claim> active(Instant now) {
            return store.active(now);
        }
    }
}
