package io.ringside.application.service;

import io.ringside.application.port.in.RefreshConnection;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.port.out.Telemetry;
import io.ringside.domain.AccessToken;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the RingCentral connection alive and hands out access tokens.
 *
 * <p>RingCentral rotates refresh tokens, and two refreshes racing with the same token can cost the
 * connection. So refreshes happen one at a time in this process (a lock); inside the lock the
 * stored connection is read again and refreshed only if it still needs it; the result is saved
 * with compare-and-set, and a lost race keeps the winner's tokens. A refused refresh token makes
 * the connection "reconnect needed" only if nobody else has replaced it meanwhile.
 *
 * <p>The audit trail hears when the connection needs a reconnect, and when refreshing fails for another reason
 * (RingCentral unreachable, rate limiting, refusing the request): once per failure episode, the first failed
 * refresh of a stored connection; the retries that follow are not written until a refresh succeeds or the
 * connection is replaced.
 *
 * <p>With several instances on one database only the one that owns RingCentral ({@link Ownership}) refreshes;
 * the others use the stored token and, when it was rejected or has expired, wait a moment for the owner's new one.
 */
public final class ConnectionKeeper implements RefreshConnection {

    private static final Logger LOG = Logger.getLogger(ConnectionKeeper.class.getName());

    /** How a follower waits for the owner's refresh: the stored token is read again this often, this many times (~3 s). */
    static final Duration OWNER_WAIT_STEP = Duration.ofMillis(500);
    static final int OWNER_WAIT_READS = 6;

    /** Waits between two reads of the stored token; tests move a clock instead of sleeping. */
    @FunctionalInterface
    public interface Pause {
        Pause SLEEP = duration -> Thread.sleep(duration);

        void pause(Duration duration) throws InterruptedException;
    }

    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final RefreshPolicy policy;
    private final Clock clock;
    private final Auditor auditor;
    private final Ownership ownership;
    private final Pause pause;
    private final ReentrantLock refreshLock = new ReentrantLock();
    private volatile Telemetry telemetry = Telemetry.NONE;
    /** The stored connection whose refreshes are failing and already audited, or null; guarded by the refresh lock. */
    private FailureEpisode failing;

    /** One instance alone (as on H2): it always refreshes itself. */
    public ConnectionKeeper(ConnectionStore connections, RingCentralAuthorization ringCentral,
                            RefreshPolicy policy, Auditor auditor, Clock clock) {
        this(connections, ringCentral, policy, auditor, clock, Ownership.alone(clock), Pause.SLEEP);
    }

    /** One of several instances: refreshes only while {@code ownership} says this one owns RingCentral. */
    public ConnectionKeeper(ConnectionStore connections, RingCentralAuthorization ringCentral,
                            RefreshPolicy policy, Auditor auditor, Clock clock, Ownership ownership, Pause pause) {
        this.connections = Objects.requireNonNull(connections, "connections");
        this.ringCentral = Objects.requireNonNull(ringCentral, "ringCentral");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.pause = Objects.requireNonNull(pause, "pause");
    }

    /** From now on, every refresh sent to RingCentral is reported with its outcome, whoever asked for it. */
    public void reportTo(Telemetry newTelemetry) {
        telemetry = newTelemetry;
    }

    @Override
    public Outcome refreshIfDue() {
        refreshLock.lock();
        try {
            Optional<RingCentralConnection> stored = connections.load();
            if (stored.isEmpty()) {
                return Outcome.NOT_CONNECTED;
            }
            RingCentralConnection connection = stored.get();
            Instant now = clock.instant();
            if (!connection.isConnected()) {
                return Outcome.RECONNECT_NEEDED;
            }
            if (!connection.isUsableAt(now)) {
                return markReconnectNeeded(connection, "The RingCentral refresh token expired while Ringside was not running");
            }
            if (!connection.mustRefreshAt(now, policy)) {
                return Outcome.NOT_DUE;
            }
            return refresh(connection);
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * An access token that can be sent now, refreshing first when it is about to expire.
     *
     * @throws ConnectionUnusableException when there is no connection or it needs a reconnect
     * @throws RingCentralException        when a due refresh failed (unavailable, rate limited)
     */
    public AccessToken currentAccessToken() {
        RingCentralConnection connection = usableConnection();
        if (connection.hasFreshAccessTokenAt(clock.instant(), policy)) {
            return connection.accessToken();
        }
        if (!ownership.isOwner()) {
            // The owner refreshes ahead of expiry: a token due soon is still good, an expired one is about to be replaced.
            return connection.accessToken().isExpiredAt(clock.instant())
                    ? awaitOwnersRefresh(connection.accessToken()) : connection.accessToken();
        }
        Outcome outcome = refreshIfDue();
        RingCentralConnection after = usableConnection();
        if (after.accessToken().isExpiredAt(clock.instant())) {
            throw new RingCentralUnavailableException("Could not refresh the RingCentral access token (" + outcome + ")");
        }
        return after.accessToken();
    }

    /**
     * RingCentral answered 401 to {@code rejected}. Refresh once, and only if that token is still
     * the stored one; otherwise someone already refreshed and the stored token is the one to use. An instance
     * that does not own RingCentral never refreshes: it waits a moment for the owner's new token.
     *
     * @throws RingCentralUnavailableException when refreshing failed, or the owner's new token did not come
     */
    public AccessToken replaceRejected(AccessToken rejected) {
        if (!ownership.isOwner()) {
            return awaitOwnersRefresh(rejected);
        }
        refreshLock.lock();
        try {
            RingCentralConnection connection = usableConnection();
            if (!connection.accessToken().equals(rejected)) {
                return connection.accessToken();
            }
            Outcome outcome = refresh(connection);
            if (outcome == Outcome.FAILED) {
                throw new RingCentralUnavailableException("RingCentral rejected the access token and refreshing it failed");
            }
            return usableConnection().accessToken();
        } finally {
            refreshLock.unlock();
        }
    }

    /**
     * A follower's wait for the owner to replace {@code unusable}: the stored token is read first and then again
     * every {@link #OWNER_WAIT_STEP}, {@link #OWNER_WAIT_READS} times; the first that differs is the one to use.
     */
    private AccessToken awaitOwnersRefresh(AccessToken unusable) {
        for (int reads = 1; ; reads++) {
            AccessToken stored = usableConnection().accessToken();
            if (!stored.equals(unusable)) {
                return stored;
            }
            if (reads == OWNER_WAIT_READS) {
                throw new RingCentralUnavailableException("RingCentral rejected the access token, and the Ringside"
                        + " instance that owns RingCentral has not refreshed it yet");
            }
            try {
                pause.pause(OWNER_WAIT_STEP);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RingCentralUnavailableException("Interrupted while waiting for the owner's new RingCentral access token");
            }
        }
    }

    /**
     * Whether there is a connection to use now, without refreshing anything.
     *
     * @return empty when usable, else why not
     */
    public Optional<ConnectionUnusableException.Why> whyUnusable() {
        Optional<RingCentralConnection> stored;
        try {
            stored = connections.load();
        } catch (RuntimeException unreadable) {
            return Optional.of(ConnectionUnusableException.Why.RECONNECT_NEEDED);
        }
        if (stored.isEmpty()) {
            return Optional.of(ConnectionUnusableException.Why.NOT_CONNECTED);
        }
        return stored.get().isConnected() ? Optional.empty() : Optional.of(ConnectionUnusableException.Why.RECONNECT_NEEDED);
    }

    private RingCentralConnection usableConnection() {
        RingCentralConnection connection = connections.load()
                .orElseThrow(() -> new ConnectionUnusableException(ConnectionUnusableException.Why.NOT_CONNECTED));
        if (!connection.isConnected()) {
            throw new ConnectionUnusableException(ConnectionUnusableException.Why.RECONNECT_NEEDED);
        }
        return connection;
    }

    /** Called with the lock held. */
    private Outcome refresh(RingCentralConnection connection) {
        Outcome outcome = sendRefresh(connection);
        telemetry.tokenRefresh(switch (outcome) {
            case REFRESHED -> Telemetry.TokenRefresh.REFRESHED;
            case REFRESHED_ELSEWHERE -> Telemetry.TokenRefresh.REFRESHED_ELSEWHERE;
            // NOT_CONNECTED: refused, and meanwhile disconnected.
            case RECONNECT_NEEDED, NOT_CONNECTED -> Telemetry.TokenRefresh.REFUSED;
            case FAILED, NOT_DUE -> Telemetry.TokenRefresh.FAILED;
        });
        return outcome;
    }

    private Outcome sendRefresh(RingCentralConnection connection) {
        IssuedTokens tokens;
        try {
            tokens = ringCentral.refresh(connection.refreshToken());
        } catch (RingCentralRejectedException e) {
            if (e.reason() != RingCentralRejectedException.Reason.INVALID_GRANT) {
                LOG.warning(() -> "RingCentral refused the token refresh: " + e.reason() + " " + e.errorCode());
                return refreshFailed(connection, "RingCentral refused the token refresh ("
                        + (e.errorCode() == null ? e.reason() : e.reason() + ", " + e.errorCode()) + ")");
            }
            return onRefreshTokenRefused(connection);
        } catch (RingCentralException e) {
            LOG.warning(() -> "Token refresh failed, will try again: " + e.getMessage());
            return refreshFailed(connection, "Token refresh failed, Ringside keeps trying: " + e.getMessage());
        }
        failing = null;
        RingCentralConnection refreshed = connection.refreshed(tokens, clock.instant());
        if (connections.saveIfVersionMatches(refreshed) == ConnectionStore.SaveResult.SAVED) {
            return Outcome.REFRESHED;
        }
        // Another refresher saved first: its tokens are the ones RingCentral now expects.
        return Outcome.REFRESHED_ELSEWHERE;
    }

    /** Called with the lock held: audits the first failure of an episode, not the retries after it. */
    private Outcome refreshFailed(RingCentralConnection connection, String why) {
        FailureEpisode episode = new FailureEpisode(connection.connectedAt(), connection.version());
        if (!episode.equals(failing)) {
            failing = episode;
            audit(AuditKind.RINGCENTRAL_REFRESH_FAILED, why);
        }
        return Outcome.FAILED;
    }

    private Outcome onRefreshTokenRefused(RingCentralConnection refused) {
        Optional<RingCentralConnection> now = connections.load();
        if (now.isEmpty()) {
            return Outcome.NOT_CONNECTED;
        }
        if (now.get().version() != refused.version()) {
            return Outcome.REFRESHED_ELSEWHERE;
        }
        return markReconnectNeeded(refused, "RingCentral no longer accepts Ringside's refresh token");
    }

    private Outcome markReconnectNeeded(RingCentralConnection connection, String why) {
        ConnectionStore.SaveResult result = connections.saveIfVersionMatches(connection.reconnectNeeded(why));
        if (result == ConnectionStore.SaveResult.VERSION_CONFLICT) {
            return Outcome.REFRESHED_ELSEWHERE;
        }
        failing = null;
        LOG.warning(() -> "RingCentral connection needs a reconnect: " + why);
        audit(AuditKind.RINGCENTRAL_RECONNECT_NEEDED, why);
        return Outcome.RECONNECT_NEEDED;
    }

    /** The keeper hands out tokens on the feed's threads: an audit trail that cannot be written must not stop that. */
    private void audit(AuditKind kind, String why) {
        try {
            auditor.record(kind, Actor.system(), "RingCentral", why, AuditOutcome.FAILED);
        } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Could not write the audit entry " + kind + ": " + why, e);
        }
    }

    /** One stored connection (its successors get new versions; a new connection a new start). */
    private record FailureEpisode(Instant connectedAt, long version) {
    }
}
