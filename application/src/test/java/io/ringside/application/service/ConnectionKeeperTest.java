package io.ringside.application.service;

import io.ringside.application.port.in.RefreshConnection.Outcome;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeOwnershipLock;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectionKeeperTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    /** One minute before the first access token expires: inside the 5-minute margin. */
    private static final Duration DUE = Duration.ofMinutes(59);

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ConnectionKeeper keeper =
            new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, new Auditor(audit, clock), clock);

    /** An admin connected at the clock's time: access-1 (1 h), refresh-1 (7 days), version 1. */
    private RingCentralConnection connect() {
        RingCentralConnection connection = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", clock.instant());
        assertThat(connections.saveIfVersionMatches(connection)).isEqualTo(io.ringside.application.port.out.ConnectionStore.SaveResult.SAVED);
        return connection;
    }

    private RingCentralConnection stored() {
        return connections.load().orElseThrow();
    }

    // ---- refreshIfDue ------------------------------------------------------------------------

    @Test
    void withoutAConnectionThereIsNothingToRefresh() {
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.NOT_CONNECTED);
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void aFreshConnectionIsLeftAloneAndRingCentralIsNotAsked() {
        RingCentralConnection connection = connect();
        clock.advance(Duration.ofMinutes(54));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.NOT_DUE);
        assertThat(ringCentral.refreshes).hasValue(0);
        assertThat(stored()).isEqualTo(connection);
    }

    @Test
    void anAccessTokenWithinTheMarginIsRefreshedAndTheNewPairStoredAsTheNextVersion() {
        connect();
        clock.advance(Duration.ofMinutes(55));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.REFRESHED);

        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(ringCentral.lastRefreshed.value()).isEqualTo("refresh-1");
        RingCentralConnection now = stored();
        assertThat(now.version()).isEqualTo(2);
        assertThat(now.accessToken().value()).isEqualTo("access-2");
        assertThat(now.refreshToken().value()).isEqualTo("refresh-2");
        assertThat(now.lastRefreshedAt()).isEqualTo(clock.instant());
        assertThat(now.connectedBy()).isEqualTo("admin");
        // And it is not refreshed again until it is due again.
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.NOT_DUE);
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(audit.entries()).as("a refresh that works is routine, not an audit event").isEmpty();
    }

    @Test
    void aRefreshTokenOlderThanTheKeepAliveAgeIsRefreshedEvenWithAFreshAccessToken() {
        Instant issued = T0.minus(Duration.ofHours(24));
        connections.saveIfVersionMatches(new RingCentralConnection(RingCentralConnection.Status.CONNECTED,
                new AccessToken("access-0", T0.plus(Duration.ofMinutes(50))),
                new RefreshToken("refresh-0", issued, issued.plus(Duration.ofDays(7))),
                "owner-42", "admin", issued, null, null, 1));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.REFRESHED);
        assertThat(ringCentral.lastRefreshed.value()).isEqualTo("refresh-0");
        assertThat(stored().refreshToken().value()).isEqualTo("refresh-1");
        assertThat(stored().version()).isEqualTo(2);
    }

    @Test
    void aDailyKeepAliveKeepsTheConnectionForMoreThanSevenDays() {
        connect();
        for (int hour = 1; hour <= 9 * 24; hour++) {
            clock.advance(Duration.ofHours(1));
            keeper.refreshIfDue();
        }

        assertThat(stored().isUsableAt(clock.instant())).isTrue();
        assertThat(stored().hasFreshAccessTokenAt(clock.instant(), RefreshPolicy.DEFAULT)).isTrue();
    }

    @Test
    void invalidGrantMakesTheConnectionReconnectNeededKeptWithoutTokens() {
        connect();
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.INVALID_GRANT, "OAU-211", "Token not found"));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.RECONNECT_NEEDED);

        RingCentralConnection now = connections.load().orElseThrow(() -> new AssertionError("the connection was deleted"));
        assertThat(now.status()).isEqualTo(RingCentralConnection.Status.RECONNECT_NEEDED);
        assertThat(now.accessToken()).isNull();
        assertThat(now.refreshToken()).isNull();
        assertThat(now.problem()).isNotBlank();
        assertThat(now.connectedBy()).isEqualTo("admin");
        assertThat(now.version()).isEqualTo(2);
        // It stays that way, and RingCentral is not asked again with a dead token.
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.RECONNECT_NEEDED);
        assertThat(ringCentral.refreshes).hasValue(1);
        // Written once, when it happened, by Ringside itself.
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.RINGCENTRAL_RECONNECT_NEEDED);
        assertThat(entry.actor().isSystem()).isTrue();
        assertThat(entry.outcome()).isEqualTo(AuditOutcome.FAILED);
        assertThat(entry.detail()).isEqualTo(now.problem());
    }

    @Test
    void invalidGrantAfterAnotherRefresherSavedANewerConnectionKeepsTheWinnersTokens() {
        connect();
        clock.advance(DUE);
        AtomicReference<RingCentralConnection> winner = new AtomicReference<>();
        // While this refresh is at RingCentral, another process refreshes first and saves version 2;
        // RingCentral then answers this one's (now rotated) refresh token with invalid_grant.
        ringCentral.duringNextRefresh(() -> {
            RingCentralConnection newer = stored().refreshed(ringCentral.nextTokens(), clock.instant());
            connections.saveIfVersionMatches(newer);
            winner.set(newer);
        });
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.INVALID_GRANT, "OAU-211", "Token not found"));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.REFRESHED_ELSEWHERE);

        assertThat(stored()).isEqualTo(winner.get());
        assertThat(stored().isConnected()).isTrue();
        assertThat(stored().accessToken().value()).isEqualTo("access-2");
        assertThat(audit.entries()).as("nothing went wrong").isEmpty();
    }

    @Test
    void ringCentralUnavailableFailsAndLeavesTheConnectionAsItWas() {
        connect();
        clock.advance(DUE);
        RingCentralConnection before = stored();
        ringCentral.failNextAuth(new RingCentralUnavailableException("503 Service Unavailable"));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);
        assertThat(stored()).isEqualTo(before);
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.RINGCENTRAL_REFRESH_FAILED);
        assertThat(entry.actor().isSystem()).isTrue();
        assertThat(entry.detail()).isEqualTo("Token refresh failed, Ringside keeps trying: 503 Service Unavailable");

        // The next tick tries again and succeeds.
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.REFRESHED);
        assertThat(audit.entries()).hasSize(1);
    }

    @Test
    void rateLimitingFailsAndLeavesTheConnectionAsItWas() {
        connect();
        clock.advance(DUE);
        RingCentralConnection before = stored();
        ringCentral.failNextAuth(new RingCentralRateLimitedException("Auth", clock.instant().plusSeconds(60)));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);
        assertThat(stored()).isEqualTo(before);
    }

    @Test
    void aRefusalOtherThanInvalidGrantDoesNotCostTheConnection() {
        connect();
        clock.advance(DUE);
        RingCentralConnection before = stored();
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.BAD_CLIENT_CREDENTIALS, "OAU-146", "Invalid client"));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);
        assertThat(stored()).isEqualTo(before);
        assertThat(audit.only().detail()).isEqualTo("RingCentral refused the token refresh (BAD_CLIENT_CREDENTIALS, OAU-146)");
    }

    @Test
    void aFailureEpisodeIsAuditedOnceNotOnEveryRetryAndTheNextEpisodeAgain() {
        connect();
        clock.advance(DUE);
        for (int retry = 0; retry < 30; retry++) {
            ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));
            assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(audit.of(AuditKind.RINGCENTRAL_REFRESH_FAILED)).hasSize(1);

        // RingCentral is back: the refresh works, and the next outage is a new episode.
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.REFRESHED);
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);

        assertThat(audit.of(AuditKind.RINGCENTRAL_REFRESH_FAILED)).hasSize(2);
        assertThat(audit.entries()).hasSize(2);
    }

    @Test
    void aConnectionAnAdminReplacedWhileRefreshesFailedStartsANewEpisode() {
        connect();
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));
        keeper.refreshIfDue();
        connections.delete();
        connect(); // version 1 again, a new connection
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.FAILED);

        assertThat(audit.of(AuditKind.RINGCENTRAL_REFRESH_FAILED)).hasSize(2);
    }

    @Test
    void anAuditTrailThatCannotBeWrittenDoesNotStopTheKeeper() {
        ConnectionKeeper withBrokenAudit = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT,
                new Auditor(new InMemoryAuditLog() {
                    @Override
                    public void append(io.ringside.domain.AuditEntry entry) {
                        throw new IllegalStateException("database down");
                    }
                }, clock), clock);
        connect();
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection refused"));

        assertThat(withBrokenAudit.refreshIfDue()).isEqualTo(Outcome.FAILED);
        assertThat(withBrokenAudit.refreshIfDue()).isEqualTo(Outcome.REFRESHED);
    }

    @Test
    void aRefreshTokenThatDiedWhileRingsideWasDownIsReconnectNeededWithoutAskingRingCentral() {
        connect();
        clock.advance(Duration.ofDays(7));

        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.RECONNECT_NEEDED);
        assertThat(ringCentral.refreshes).hasValue(0);
        assertThat(stored().status()).isEqualTo(RingCentralConnection.Status.RECONNECT_NEEDED);
        assertThat(stored().problem()).isNotBlank();
        assertThat(audit.only().kind()).isEqualTo(AuditKind.RINGCENTRAL_RECONNECT_NEEDED);
        assertThat(audit.only().detail()).isEqualTo(stored().problem());
    }

    // ---- races -------------------------------------------------------------------------------

    @Test
    @Timeout(10)
    void twoRefreshersRacingInOneProcessSendExactlyOneRefreshToRingCentral() throws Exception {
        connect();
        clock.advance(DUE);
        ringCentral.slowRefreshes(Duration.ofMillis(300));
        CountDownLatch go = new CountDownLatch(1);
        Callable<Outcome> refresher = () -> {
            go.await();
            return keeper.refreshIfDue();
        };

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<Outcome> first = threads.submit(refresher);
            Future<Outcome> second = threads.submit(refresher);
            go.countDown();

            assertThat(List.of(first.get(), second.get())).containsExactlyInAnyOrder(Outcome.REFRESHED, Outcome.NOT_DUE);
        } finally {
            threads.shutdownNow();
        }
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(stored().version()).isEqualTo(2);
        assertThat(stored().accessToken().value()).isEqualTo("access-2");
    }

    @Test
    @Timeout(10)
    void manyCallersWantingATokenAtOnceCauseOneRefresh() throws Exception {
        connect();
        clock.advance(DUE);
        ringCentral.slowRefreshes(Duration.ofMillis(200));
        CountDownLatch go = new CountDownLatch(1);
        Callable<AccessToken> caller = () -> {
            go.await();
            return keeper.currentAccessToken();
        };

        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<AccessToken>> tokens = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tokens.add(threads.submit(caller));
            }
            go.countDown();
            for (Future<AccessToken> token : tokens) {
                assertThat(token.get().value()).isEqualTo("access-2");
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(ringCentral.refreshes).hasValue(1);
    }

    @Test
    void twoProcessesSharingOneStoreTheLoserKeepsTheWinnersTokens() {
        connect();
        clock.advance(DUE);
        ConnectionKeeper otherProcess =
                new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, new Auditor(audit, clock), clock);
        AtomicReference<Outcome> otherOutcome = new AtomicReference<>();
        // While this process's refresh is at RingCentral, the other process refreshes and saves first.
        ringCentral.duringNextRefresh(() -> otherOutcome.set(otherProcess.refreshIfDue()));

        Outcome outcome = keeper.refreshIfDue();

        assertThat(otherOutcome.get()).isEqualTo(Outcome.REFRESHED);
        assertThat(outcome).isEqualTo(Outcome.REFRESHED_ELSEWHERE);
        RingCentralConnection now = stored();
        assertThat(now.version()).isEqualTo(2);
        // The other process asked second but answered first: its pair (access-2) is the one kept.
        assertThat(now.accessToken().value()).isEqualTo("access-2");
        assertThat(now.refreshToken().value()).isEqualTo("refresh-2");
        // The loser does not refresh again: the stored connection is fresh.
        assertThat(keeper.refreshIfDue()).isEqualTo(Outcome.NOT_DUE);
        assertThat(ringCentral.refreshes).hasValue(2);
    }

    // ---- tokens for API calls ----------------------------------------------------------------

    @Test
    void currentAccessTokenIsTheStoredOneWhileFresh() {
        connect();
        clock.advance(Duration.ofMinutes(30));

        assertThat(keeper.currentAccessToken().value()).isEqualTo("access-1");
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void currentAccessTokenRefreshesFirstWhenDue() {
        connect();
        clock.advance(DUE);

        assertThat(keeper.currentAccessToken().value()).isEqualTo("access-2");
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(stored().accessToken().value()).isEqualTo("access-2");
    }

    @Test
    void currentAccessTokenStillUsableWhenADueRefreshFailsIsHandedOut() {
        connect();
        clock.advance(DUE);
        ringCentral.failNextAuth(new RingCentralUnavailableException("timeout"));

        assertThat(keeper.currentAccessToken().value()).isEqualTo("access-1");
    }

    @Test
    void anExpiredAccessTokenIsNeverHandedOutWhenTheRefreshFails() {
        connect();
        clock.advance(Duration.ofMinutes(61));
        ringCentral.failNextAuth(new RingCentralUnavailableException("timeout"));

        assertThatThrownBy(keeper::currentAccessToken).isInstanceOf(RingCentralUnavailableException.class);
    }

    @Test
    void currentAccessTokenSaysWhyThereIsNone() {
        assertThatThrownBy(keeper::currentAccessToken)
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.why()).isEqualTo(ConnectionUnusableException.Why.NOT_CONNECTED));

        connections.saveIfVersionMatches(connect().reconnectNeeded("invalid_grant"));

        assertThatThrownBy(keeper::currentAccessToken)
                .isInstanceOfSatisfying(ConnectionUnusableException.class,
                        e -> assertThat(e.why()).isEqualTo(ConnectionUnusableException.Why.RECONNECT_NEEDED));
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void replaceRejectedRefreshesWhenTheRejectedTokenIsStillTheStoredOne() {
        RingCentralConnection connection = connect();
        clock.advance(Duration.ofMinutes(10)); // not due: RingCentral revoked or expired it early

        AccessToken replacement = keeper.replaceRejected(connection.accessToken());

        assertThat(replacement.value()).isEqualTo("access-2");
        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(stored().accessToken()).isEqualTo(replacement);
    }

    @Test
    void replaceRejectedWithAnOlderTokenReturnsTheStoredOneWithoutARefresh() {
        RingCentralConnection first = connect();
        clock.advance(DUE);
        keeper.refreshIfDue();
        assertThat(ringCentral.refreshes).hasValue(1);

        AccessToken replacement = keeper.replaceRejected(first.accessToken());

        assertThat(replacement.value()).isEqualTo("access-2");
        assertThat(ringCentral.refreshes).hasValue(1);
    }

    @Test
    void replaceRejectedWhenTheRefreshFailsSaysSo() {
        RingCentralConnection connection = connect();
        ringCentral.failNextAuth(new RingCentralUnavailableException("timeout"));

        assertThatThrownBy(() -> keeper.replaceRejected(connection.accessToken()))
                .isInstanceOf(RingCentralUnavailableException.class);
        assertThat(stored()).isEqualTo(connection);
    }

    // ---- several instances: only the owner of RingCentral refreshes ------------------------------

    private final FakeOwnershipLock lock = new FakeOwnershipLock();
    private int pauses;

    /** A keeper on an instance that does not own RingCentral (another one does); each pause moves the clock and runs {@code duringPause}. */
    private ConnectionKeeper follower(Runnable duringPause) {
        new Ownership(lock.session(), clock).tick();
        Ownership mine = new Ownership(lock.session(), clock);
        mine.tick();
        assertThat(mine.isOwner()).isFalse();
        return new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT, new Auditor(audit, clock), clock, mine,
                duration -> {
                    pauses++;
                    clock.advance(duration);
                    duringPause.run();
                });
    }

    /** The owner's refresh, as seen from here: the next pair is stored. */
    private void ownerRefreshes() {
        connections.saveIfVersionMatches(stored().refreshed(ringCentral.nextTokens(), clock.instant()));
    }

    @Test
    void aFollowerGivenA401UsesTheStoredTokenAtOnceWhenTheOwnerAlreadyReplacedIt() {
        RingCentralConnection first = connect();
        ConnectionKeeper follower = follower(() -> { });
        ownerRefreshes();

        AccessToken replacement = follower.replaceRejected(first.accessToken());

        assertThat(replacement).isEqualTo(stored().accessToken());
        assertThat(replacement).isNotEqualTo(first.accessToken());
        assertThat(pauses).isZero();
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void aFollowerGivenA401WaitsForTheOwnersNewTokenInsteadOfRefreshing() {
        RingCentralConnection first = connect();
        ConnectionKeeper follower = follower(() -> {
            if (pauses == 2) {
                ownerRefreshes();
            }
        });

        AccessToken replacement = follower.replaceRejected(first.accessToken());

        assertThat(replacement).isEqualTo(stored().accessToken()).isNotEqualTo(first.accessToken());
        assertThat(pauses).isEqualTo(2);
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void aFollowerWhoseOwnerNeverRefreshesGivesUpAfterAboutThreeSecondsAndSaysWhy() {
        RingCentralConnection first = connect();
        ConnectionKeeper follower = follower(() -> { });
        Instant asked = clock.instant();

        assertThatThrownBy(() -> follower.replaceRejected(first.accessToken()))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("instance that owns RingCentral has not refreshed it yet");
        assertThat(Duration.between(asked, clock.instant())).isBetween(Duration.ofSeconds(2), Duration.ofSeconds(3));
        assertThat(ringCentral.refreshes).hasValue(0);
        assertThat(stored()).isEqualTo(first);
    }

    @Test
    void aFollowerHandsOutAStoredTokenDueForRefreshWithoutRefreshingIt() {
        RingCentralConnection first = connect();
        ConnectionKeeper follower = follower(() -> { });
        clock.advance(DUE);

        assertThat(follower.currentAccessToken()).isEqualTo(first.accessToken());
        assertThat(ringCentral.refreshes).hasValue(0);
    }

    @Test
    void aFollowerWithAnExpiredTokenWaitsForTheOwnersRefresh() {
        RingCentralConnection first = connect();
        ConnectionKeeper follower = follower(this::ownerRefreshes);
        clock.advance(Duration.ofMinutes(61));

        AccessToken token = follower.currentAccessToken();

        assertThat(token).isEqualTo(stored().accessToken()).isNotEqualTo(first.accessToken());
        assertThat(token.isExpiredAt(clock.instant())).isFalse();
        assertThat(pauses).isEqualTo(1);
        assertThat(ringCentral.refreshes).hasValue(0);
    }
}
