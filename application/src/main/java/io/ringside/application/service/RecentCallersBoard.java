package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.out.Telemetry;
import io.ringside.domain.CallBoard;
import io.ringside.domain.CallEvent;
import io.ringside.domain.InboundCall;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one {@link CallBoard} of this instance, fed from any thread (push events, polls, syncs) one
 * change at a time, and the Recent callers list made from it: every operator is served from here,
 * never from RingCentral. A change is published to the watchers at once; an unchanged list is
 * published again every {@link #HEARTBEAT} so "synced N s ago" stays honest.
 */
public final class RecentCallersBoard implements ListRecentCallers {

    private static final Logger LOG = Logger.getLogger(RecentCallersBoard.class.getName());

    static final Duration HEARTBEAT = Duration.ofSeconds(10);

    /**
     * What the board holds, as another instance needs it to show the same list: every call's view, how current
     * they are and since when.
     */
    public record Snapshot(List<InboundCall> calls, FeedStatus status, Instant asOf) {
        public Snapshot {
            calls = List.copyOf(calls);
            Objects.requireNonNull(status, "status");
        }
    }

    private final CallBoard board;
    private final Watchers watchers;
    private final Clock clock;

    // Guarded by this.
    private FeedStatus status = new FeedStatus.Unavailable("Ringside is starting");
    private Instant asOf;
    private Instant lastPublishedAt;
    private volatile RecentCallersResult current;
    private volatile Telemetry telemetry = Telemetry.NONE;
    private final List<Consumer<Snapshot>> publishListeners = new CopyOnWriteArrayList<>();

    public RecentCallersBoard(CallBoard board, Watchers watchers, Clock clock) {
        this.board = board;
        this.watchers = watchers;
        this.clock = clock;
        this.current = RecentCallersResult.without(board.policy().window(), status);
    }

    @Override
    public RecentCallersResult list() {
        return current;
    }

    /**
     * {@code listener} gets a {@link Snapshot} after each publish to the watchers (heartbeats included). It is
     * called under the board's lock, so snapshots arrive in the order they were taken; it must only hand the
     * snapshot on (as {@link FeedPublisher} does), never wait.
     */
    public void onPublish(Consumer<Snapshot> listener) {
        publishListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(board.calls(), status, asOf);
    }

    /**
     * Another instance's feed (the RingCentral owner's): the board becomes exactly {@code calls}, each as given,
     * with their status and age; the watchers hear of it when anything changed. Live calls are adopted as the owner's
     * word, not as final: should this instance take over, its own push moves them on.
     */
    public synchronized void mirror(List<InboundCall> calls, FeedStatus feedStatus, Instant feedAsOf) {
        Objects.requireNonNull(feedStatus, "feedStatus");
        boolean changed = !new HashSet<>(board.calls()).equals(new HashSet<>(calls))
                || !feedStatus.equals(status) || !Objects.equals(feedAsOf, asOf);
        board.clear();
        board.adopt(calls);
        status = feedStatus;
        asOf = feedAsOf;
        publishIf(changed);
    }

    /** From now on, each pushed ringing call is reported with its ring-to-visible time. */
    public void reportTo(Telemetry newTelemetry) {
        telemetry = newTelemetry;
    }

    /**
     * A pushed call event; push is live, so the list is current now. When it shows a call ringing,
     * the time from RingCentral's event time to the pages being handed the list is reported
     * (RingCentral's clock against this server's; a negative skew counts as zero).
     */
    public synchronized void apply(CallEvent event) {
        boolean boardChanged = board.apply(event);
        boolean changed = boardChanged | becomeCurrent(clock.instant());
        publishIf(changed);
        if (boardChanged && event.status().isRinging()) {
            Duration ringToVisible = Duration.between(event.eventTime(), clock.instant());
            telemetry.pushedCallShown(ringToVisible.isNegative() ? Duration.ZERO : ringToVisible);
        }
    }

    /** Records read from the call log. */
    public synchronized void synced(Collection<InboundCall> callLog) {
        publishIf(board.sync(callLog));
    }

    /** The connected extension's live calls, read from presence at {@code at}. */
    public synchronized void polled(Collection<InboundCall> liveNow, Instant at) {
        boolean changed = board.presence(liveNow);
        changed |= becomeCurrent(at);
        publishIf(changed);
    }

    /** Push is live: what the board holds is current as of now. */
    public synchronized void confirmCurrent() {
        publishIf(becomeCurrent(clock.instant()));
    }

    /** RingCentral could not be asked or refused: the calls stay, shown with their age and the reason. */
    public synchronized void failed(FeedStatus why) {
        boolean changed = !why.equals(status);
        status = why;
        publishIf(changed);
    }

    /** There is no connection to read calls with: nothing to show. */
    public synchronized void forget(FeedStatus why) {
        boolean changed = !why.equals(status) || !board.isEmpty();
        board.clear();
        asOf = null;
        status = why;
        publishIf(changed);
    }

    /** Drops the calls that left the window; publishes a heartbeat when due. Called by the scheduler. */
    public synchronized void expireAndHeartbeat() {
        Instant now = clock.instant();
        boolean changed = board.expire(now);
        boolean heartbeatDue = lastPublishedAt == null || !now.isBefore(lastPublishedAt.plus(HEARTBEAT));
        publishIf(changed || heartbeatDue);
    }

    public synchronized FeedStatus status() {
        return status;
    }

    private boolean becomeCurrent(Instant at) {
        boolean changed = !(status instanceof FeedStatus.Ok) || asOf == null;
        status = new FeedStatus.Ok();
        asOf = asOf == null || at.isAfter(asOf) ? at : asOf;
        return changed;
    }

    /** Guarded by this. */
    private void publishIf(boolean changed) {
        Instant now = clock.instant();
        RecentCallersResult result = asOf == null && !(status instanceof FeedStatus.Ok)
                ? RecentCallersResult.without(board.policy().window(), status)
                : RecentCallersResult.current(board.callers(now), asOf).withStatus(status);
        current = result;
        if (changed) {
            lastPublishedAt = now;
            watchers.publish(result);
            tellPublishListeners();
        }
    }

    /** Guarded by this. */
    private void tellPublishListeners() {
        if (publishListeners.isEmpty()) {
            return;
        }
        Snapshot snapshot = snapshot();
        for (Consumer<Snapshot> listener : publishListeners) {
            try {
                listener.accept(snapshot);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of the caller board failed", e);
            }
        }
    }
}
