package io.ringside.application.service;

import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallState;
import io.ringside.domain.InboundCall;
import io.ringside.domain.RecentCallers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One caller feed per Ringside instance: it keeps a snapshot of recent inbound calls and serves
 * every operator from memory, so RingCentral's load does not grow with the number of operators.
 *
 * <ul>
 *   <li>While someone watches, {@link #tick()} reads live calls (presence, Light group) every tick
 *       and the call log (Heavy group) every {@code callLogInterval}, and once more
 *       {@code afterEndDelay} after a live call ended, to pick up its final record.</li>
 *   <li>A click that finds the snapshot old asks for a refresh; concurrent clicks share one refresh.</li>
 *   <li>Heavy requests never exceed {@code heavyPerMinute} in any 60 s, and nothing at all is sent
 *       during a RingCentral rate-limit penalty.</li>
 *   <li>Records of one phone call are merged by telephony session id: ringing → on call → ended is one row.</li>
 *   <li>When RingCentral is down or rate limiting, the last snapshot is served with its age and the reason.</li>
 * </ul>
 */
public final class RecentCallersFeed implements ListRecentCallers, WatchRecentCallers {

    private static final Logger LOG = Logger.getLogger(RecentCallersFeed.class.getName());
    private static final Duration MINUTE = Duration.ofMinutes(1);
    /** Even unchanged, watchers hear from the feed this often, so "synced N s ago" stays honest. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(10);

    private final ConnectionKeeper connection;
    private final RingCentralCalls ringCentral;
    private final RecentCallers policy;
    private final FeedSettings settings;
    private final Clock clock;
    private final Set<Consumer<RecentCallersResult>> watchers = new CopyOnWriteArraySet<>();

    // Guarded by "this". Held only for bookkeeping, never while RingCentral is asked something.
    private final Map<String, InboundCall> callsBySession = new HashMap<>();
    private final RequestBudget heavyBudget;
    private final RequestBudget lightRequests = new RequestBudget(Integer.MAX_VALUE, MINUTE);
    private final List<Instant> rereadsDue = new ArrayList<>();
    private Instant lastPresenceSync;
    private Instant lastCallLogSync;
    private Instant rateLimitedUntil;
    private FeedStatus status = new FeedStatus.Ok();
    private CompletableFuture<Void> refreshInFlight;
    private RecentCallersResult lastDelivered;
    private Instant lastDeliveredAt;

    private volatile RecentCallersResult current;

    public RecentCallersFeed(ConnectionKeeper connection, RingCentralCalls ringCentral, RecentCallers policy,
                             FeedSettings settings, Clock clock) {
        this.connection = connection;
        this.ringCentral = ringCentral;
        this.policy = policy;
        this.settings = settings;
        this.clock = clock;
        this.heavyBudget = new RequestBudget(settings.heavyPerMinute(), MINUTE);
    }

    @Override
    public RecentCallersResult list() {
        if (needsRefreshForClick(clock.instant())) {
            awaitRefresh(true, settings.clickWait());
        }
        return snapshot();
    }

    @Override
    public Subscription watch(Consumer<RecentCallersResult> listener) {
        Objects.requireNonNull(listener, "listener");
        watchers.add(listener);
        RecentCallersResult known = current;
        if (known != null) {
            listener.accept(known);
        }
        return () -> watchers.remove(listener);
    }

    /** Called by bootstrap's scheduler every presence interval. Does nothing while nobody watches. */
    public void tick() {
        if (watchers.isEmpty()) {
            return;
        }
        awaitRefresh(callLogDue(clock.instant()), settings.presenceInterval().multipliedBy(5));
        deliverToWatchers();
    }

    public FeedHealth health() {
        Instant now = clock.instant();
        synchronized (this) {
            return new FeedHealth(status, lastPresenceSync, lastCallLogSync, heavyBudget.usedInWindow(now),
                    lightRequests.usedInWindow(now), penaltyInForce(now) ? rateLimitedUntil : null, watchers.size());
        }
    }

    private synchronized boolean needsRefreshForClick(Instant now) {
        boolean presenceOld = lastPresenceSync == null
                || !now.isBefore(lastPresenceSync.plus(settings.presenceInterval().multipliedBy(2)));
        // A call-log read that the Heavy budget would refuse is no reason to make the click wait: without
        // this, a due reread with the budget spent made every click send a presence request (Light) of its own.
        return presenceOld || (callLogOldForClick(now) && heavyBudget.allows(now));
    }

    /**
     * Whether a click should read the call log itself. While someone watches, the tick keeps it fresh,
     * so a click reads it only if the tick has fallen behind (two presence intervals of slack); it
     * would otherwise race the tick and pay a RingCentral round trip inside the operator's click.
     */
    private synchronized boolean callLogOldForClick(Instant now) {
        Duration slack = watchers.isEmpty() ? Duration.ZERO : settings.presenceInterval().multipliedBy(2);
        return lastCallLogSync == null || !now.isBefore(lastCallLogSync.plus(settings.callLogInterval()).plus(slack));
    }

    private synchronized boolean callLogDue(Instant now) {
        if (lastCallLogSync == null || !now.isBefore(lastCallLogSync.plus(settings.callLogInterval()))) {
            return true;
        }
        return rereadsDue.stream().anyMatch(due -> !now.isBefore(due));
    }

    /**
     * Runs one refresh, or joins the one under way (so any number of concurrent callers cause one
     * round of requests), waiting at most {@code wait} for it.
     */
    private void awaitRefresh(boolean wantCallLog, Duration wait) {
        CompletableFuture<Void> refresh;
        boolean leader = false;
        synchronized (this) {
            if (refreshInFlight == null) {
                refreshInFlight = new CompletableFuture<>();
                leader = true;
            }
            refresh = refreshInFlight;
        }
        if (leader) {
            try {
                refresh(wantCallLog);
            } finally {
                synchronized (this) {
                    refreshInFlight = null;
                }
                refresh.complete(null);
            }
            return;
        }
        try {
            refresh.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            LOG.fine("A RingCentral refresh is taking long; serving the snapshot");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            LOG.log(Level.FINE, "Refresh failed", e);
        }
    }

    private void refresh(boolean wantCallLog) {
        Instant now = clock.instant();
        synchronized (this) {
            if (penaltyInForce(now)) {
                status = new FeedStatus.RateLimitedUntil(rateLimitedUntil);
                rebuild(now);
                return;
            }
        }
        AccessToken token;
        try {
            token = connection.currentAccessToken();
        } catch (ConnectionUnusableException e) {
            forgetCalls(e.why() == ConnectionUnusableException.Why.NOT_CONNECTED
                    ? new FeedStatus.NotConnected() : new FeedStatus.ReconnectNeeded(), now);
            return;
        } catch (RingCentralException e) {
            recordFailure(e, now);
            return;
        }
        TokenInUse tokenInUse = new TokenInUse(token);
        try {
            List<InboundCall> live = askWithOneRefresh(tokenInUse, ringCentral::liveCalls, lightRequests);
            mergeLiveCalls(live, clock.instant());
            if (wantCallLog && callLogDue(clock.instant())) {
                readCallLog(tokenInUse);
            }
            synchronized (this) {
                status = new FeedStatus.Ok();
                rebuild(clock.instant());
            }
        } catch (ConnectionUnusableException e) {
            forgetCalls(new FeedStatus.ReconnectNeeded(), now);
        } catch (RingCentralException e) {
            recordFailure(e, now);
        }
    }

    private void readCallLog(TokenInUse token) {
        Instant since;
        Instant askedAt = clock.instant();
        synchronized (this) {
            if (!heavyBudget.allows(askedAt)) {
                return;
            }
            Instant windowStart = policy.windowStart(askedAt);
            since = lastCallLogSync == null ? windowStart : later(windowStart, lastCallLogSync.minus(settings.incrementalMargin()));
        }
        List<InboundCall> records = askWithOneRefresh(token, accessToken -> ringCentral.callLog(accessToken, since), heavyBudget);
        synchronized (this) {
            for (InboundCall record : records) {
                mergeRecord(record);
            }
            lastCallLogSync = askedAt;
            rereadsDue.removeIf(due -> !askedAt.isBefore(due));
        }
    }

    /**
     * Sends one request, counting it against {@code budget}. A 401 refreshes the token once and
     * retries once, if the budget still allows.
     */
    private <T> T askWithOneRefresh(TokenInUse token, Function<AccessToken, T> request, RequestBudget budget) {
        spend(budget);
        try {
            return request.apply(token.current);
        } catch (AccessTokenRejectedException rejected) {
            AccessToken replacement = connection.replaceRejected(token.current);
            token.current = replacement;
            synchronized (this) {
                if (!budget.allows(clock.instant())) {
                    throw new RingCentralUnavailableException(
                            "RingCentral rejected the access token; the retry waits for the request budget");
                }
            }
            spend(budget);
            return request.apply(replacement);
        }
    }

    private synchronized void spend(RequestBudget budget) {
        budget.spend(clock.instant());
    }

    private synchronized void mergeLiveCalls(List<InboundCall> live, Instant now) {
        Set<String> onTheLine = new HashSet<>();
        for (InboundCall call : live) {
            onTheLine.add(call.sessionKey());
            mergeRecord(call);
        }
        for (InboundCall known : List.copyOf(callsBySession.values())) {
            if (known.state().isLive() && !onTheLine.contains(known.sessionKey())) {
                // Gone from presence: it ended. Its call-log record will say how; read it again soon.
                CallState ended = known.state() == CallState.RINGING ? CallState.MISSED : CallState.ENDED;
                callsBySession.put(known.sessionKey(), new InboundCall(known.id(), known.telephonySessionId(),
                        known.direction(), known.from(), known.dialledNumber(), known.startTime(), ended));
                rereadsDue.add(now.plus(settings.afterEndDelay()));
            }
        }
        lastPresenceSync = now;
    }

    /** Guarded by this. Records of one call merge by the domain's rule (state further along; names kept). */
    private void mergeRecord(InboundCall record) {
        callsBySession.merge(record.sessionKey(), record, InboundCall::mergedWith);
    }

    private void recordFailure(RingCentralException e, Instant now) {
        synchronized (this) {
            status = switch (e) {
                case RingCentralRateLimitedException limited -> {
                    rateLimitedUntil = limited.until();
                    yield new FeedStatus.RateLimitedUntil(limited.until());
                }
                case RingCentralRejectedException rejected
                        when rejected.reason() == RingCentralRejectedException.Reason.MISSING_PERMISSION ->
                        new FeedStatus.Unavailable("RingCentral says Ringside lacks a permission (ReadCallLog, ReadPresence)");
                case AccessTokenRejectedException rejected ->
                        new FeedStatus.Unavailable("RingCentral keeps rejecting the access token");
                default -> new FeedStatus.Unavailable(e.getMessage());
            };
            LOG.log(Level.FINE, "RingCentral request failed", e);
            rebuild(now);
        }
    }

    private void forgetCalls(FeedStatus why, Instant now) {
        synchronized (this) {
            callsBySession.clear();
            rereadsDue.clear();
            lastPresenceSync = null;
            lastCallLogSync = null;
            status = why;
            rebuild(now);
        }
    }

    /** Guarded by this. */
    private void rebuild(Instant now) {
        Instant windowStart = policy.windowStart(now);
        callsBySession.values().removeIf(call -> !call.state().isLive() && call.startTime().isBefore(windowStart));
        Instant asOf = lastPresenceSync;
        if (asOf == null && !(status instanceof FeedStatus.Ok)) {
            current = RecentCallersResult.without(policy.window(), status);
            return;
        }
        RecentCallersResult fresh = RecentCallersResult.current(policy.select(callsBySession.values(), now), asOf);
        current = fresh.withStatus(status);
    }

    private RecentCallersResult snapshot() {
        RecentCallersResult result = current;
        return result != null ? result : RecentCallersResult.without(policy.window(), new FeedStatus.Unavailable("Not read yet"));
    }

    private void deliverToWatchers() {
        RecentCallersResult result = snapshot();
        Instant now = clock.instant();
        synchronized (this) {
            boolean changed = lastDelivered == null
                    || !lastDelivered.callers().equals(result.callers())
                    || !lastDelivered.status().equals(result.status())
                    || lastDelivered.leftOut() != result.leftOut();
            boolean heartbeatDue = lastDeliveredAt == null || !now.isBefore(lastDeliveredAt.plus(HEARTBEAT));
            if (!changed && !heartbeatDue) {
                return;
            }
            lastDelivered = result;
            lastDeliveredAt = now;
        }
        for (Consumer<RecentCallersResult> watcher : watchers) {
            try {
                watcher.accept(result);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A Recent callers watcher failed; it stays subscribed", e);
            }
        }
    }

    private synchronized boolean penaltyInForce(Instant now) {
        return rateLimitedUntil != null && now.isBefore(rateLimitedUntil);
    }

    /** The access token of one refresh round: once replaced after a 401, the rest of the round uses the new one. */
    private static final class TokenInUse {
        private AccessToken current;

        private TokenInUse(AccessToken current) {
            this.current = current;
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
