package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallerList;
import io.ringside.domain.InboundCall;
import io.ringside.domain.RecentCallers;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Asks RingCentral who called: the calls on the line now (presence) and the call log since the
 * window's start, turned into the picker's list by the {@link RecentCallers} policy. When
 * RingCentral is down or rate limiting, the last good list is served with its age and the reason.
 * Watchers get the list on every {@link #tick()} while it changes; bootstrap schedules the tick.
 */
public final class RecentCallersService implements ListRecentCallers, WatchRecentCallers {

    private static final Logger LOG = Logger.getLogger(RecentCallersService.class.getName());

    private final ConnectionKeeper connection;
    private final RingCentralCalls ringCentral;
    private final RecentCallers policy;
    private final Clock clock;
    private final Set<Consumer<RecentCallersResult>> watchers = new CopyOnWriteArraySet<>();
    private volatile RecentCallersResult lastGood;
    private volatile RecentCallersResult lastDelivered;
    private volatile Instant lastCallLogSync;
    /** RingCentral's rate-limit penalty ends then; a request before it would restart the penalty. */
    private volatile Instant rateLimitedUntil;

    public RecentCallersService(ConnectionKeeper connection, RingCentralCalls ringCentral,
                                RecentCallers policy, Clock clock) {
        this.connection = connection;
        this.ringCentral = ringCentral;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public RecentCallersResult list() {
        AccessToken token;
        try {
            token = connection.currentAccessToken();
        } catch (ConnectionUnusableException e) {
            return RecentCallersResult.without(policy.window(), switch (e.why()) {
                case NOT_CONNECTED -> new FeedStatus.NotConnected();
                case RECONNECT_NEEDED -> new FeedStatus.ReconnectNeeded();
            });
        } catch (RingCentralException e) {
            return lastGoodOr(statusOf(e));
        }
        Instant penaltyEnds = rateLimitedUntil;
        if (penaltyEnds != null && clock.instant().isBefore(penaltyEnds)) {
            return lastGoodOr(new FeedStatus.RateLimitedUntil(penaltyEnds));
        }
        try {
            return fetch(token);
        } catch (AccessTokenRejectedException rejected) {
            try {
                return fetch(connection.replaceRejected(token));
            } catch (ConnectionUnusableException e) {
                return RecentCallersResult.without(policy.window(), new FeedStatus.ReconnectNeeded());
            } catch (RingCentralException e) {
                return lastGoodOr(statusOf(e));
            }
        } catch (RingCentralException e) {
            return lastGoodOr(statusOf(e));
        }
    }

    private RecentCallersResult fetch(AccessToken token) {
        Instant now = clock.instant();
        List<InboundCall> calls = new ArrayList<>(ringCentral.liveCalls(token));
        calls.addAll(ringCentral.callLog(token, policy.windowStart(now)));
        lastCallLogSync = now;
        CallerList list = policy.select(calls, clock.instant());
        RecentCallersResult result = RecentCallersResult.current(list, now);
        lastGood = result;
        return result;
    }

    private RecentCallersResult lastGoodOr(FeedStatus status) {
        RecentCallersResult last = lastGood;
        return last == null ? RecentCallersResult.without(policy.window(), status) : last.withStatus(status);
    }

    private FeedStatus statusOf(RingCentralException e) {
        LOG.log(Level.FINE, "RingCentral call request failed", e);
        return switch (e) {
            case RingCentralRateLimitedException limited -> {
                rateLimitedUntil = limited.until();
                yield new FeedStatus.RateLimitedUntil(limited.until());
            }
            case RingCentralRejectedException rejected
                    when rejected.reason() == RingCentralRejectedException.Reason.MISSING_PERMISSION ->
                    new FeedStatus.Unavailable("RingCentral says Ringside lacks a permission (ReadCallLog, ReadPresence)");
            case AccessTokenRejectedException rejected -> new FeedStatus.Unavailable("RingCentral keeps rejecting the access token");
            default -> new FeedStatus.Unavailable(e.getMessage());
        };
    }

    /** When the call log was last read successfully, for the admin page. */
    public Optional<Instant> lastCallLogSync() {
        return Optional.ofNullable(lastCallLogSync);
    }

    @Override
    public Subscription watch(Consumer<RecentCallersResult> listener) {
        watchers.add(listener);
        RecentCallersResult known = lastDelivered;
        if (known != null) {
            listener.accept(known);
        }
        return () -> watchers.remove(listener);
    }

    public boolean hasWatchers() {
        return !watchers.isEmpty();
    }

    /** Refreshes the list for watchers, if anyone is watching; bootstrap calls this on a schedule. */
    public void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        RecentCallersResult result = list();
        lastDelivered = result;
        for (Consumer<RecentCallersResult> watcher : watchers) {
            try {
                watcher.accept(result);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Recent callers watcher failed; it stays subscribed", e);
            }
        }
    }
}
