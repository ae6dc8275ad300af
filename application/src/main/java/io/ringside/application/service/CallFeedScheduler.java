package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Decides, once a second (bootstrap's scheduler calls {@link #tick()}), what the caller feed reads:
 * <ul>
 *   <li>push is kept open while RingCentral is connected, watched or not, so the list is right the moment a page opens;</li>
 *   <li>while push is not live and someone watches, presence is polled;</li>
 *   <li>the call log is read at the start (history), {@link #CATCH_UP_DELAY} after each fresh push subscription
 *       (events may have been missed before it),
 *       every {@code callLogInterval} while push does not cover the company and someone watches, and every
 *       {@code pushReconcileInterval} otherwise; never twice within {@code callLogMinimumGap}, never during a penalty.</li>
 * </ul>
 * All of this only while this instance owns RingCentral ({@link Ownership}): another instance's feed reaches this
 * one's board through {@link FeedMirror}, and "someone watches" means on any instance ({@link Audience}).
 */
public final class CallFeedScheduler {

    private final ConnectionKeeper connection;
    private final PushLink push;
    private final CallSync sync;
    private final RecentCallersBoard board;
    private final Ownership ownership;
    private final Audience audience;
    private final FeedSettings settings;
    private final Clock clock;

    /**
     * A call enters the call log 15–30 s after it ends. After a fresh subscription (events may have
     * been missed before it) the call log is read once this long after it: by then it holds every
     * call that ended before the subscription, and push tells of everything after.
     */
    static final Duration CATCH_UP_DELAY = Duration.ofSeconds(35);

    // Only the scheduler's thread touches these.
    private boolean historyWanted = true;
    private Instant catchUpAt;
    private Instant lastCallLogAttempt;
    private Instant lastPresenceAttempt;
    private boolean following;
    /** When this instance took over with the owner's current feed in hand (it counts as a call-log read then). */
    private Instant tookOverWithFeedAt;

    public CallFeedScheduler(ConnectionKeeper connection, PushLink push, CallSync sync, RecentCallersBoard board,
                             Ownership ownership, Audience audience, FeedSettings settings, Clock clock) {
        this.connection = connection;
        this.push = push;
        this.sync = sync;
        this.board = board;
        this.ownership = ownership;
        this.audience = audience;
        this.settings = settings;
        this.clock = clock;
    }

    /** One instance alone (as on H2): always the owner, watched when its own pages are open. */
    public CallFeedScheduler(ConnectionKeeper connection, PushLink push, CallSync sync, RecentCallersBoard board,
                             Watchers watchers, FeedSettings settings, Clock clock) {
        this(connection, push, sync, board, Ownership.alone(clock), watchers::any, settings, clock);
    }

    public void tick() {
        Instant now = clock.instant();
        if (!ownership.isOwner()) {
            follow();
            return;
        }
        if (following) {
            following = false;
            tookOverWithFeedAt = historyWanted ? null : now;
        }
        Optional<ConnectionUnusableException.Why> unusable = connection.whyUnusable();
        if (unusable.isPresent()) {
            stopEverything(unusable.get());
            return;
        }
        keepPushOpen(now);
        if (push.takeReconcileRequest()) {
            catchUpAt = now.plus(CATCH_UP_DELAY);
        }
        if (push.isLive()) {
            board.confirmCurrent();
        }
        if (!sync.rateLimitedAt(now)) {
            if (presenceDue(now)) {
                lastPresenceAttempt = now;
                sync.pollPresence();
            }
            if (callLogDue(now)) {
                lastCallLogAttempt = now;
                if (sync.syncCallLog()) {
                    historyWanted = false;
                    if (catchUpAt != null && !now.isBefore(catchUpAt)) {
                        catchUpAt = null;
                    }
                }
            }
        }
        board.expireAndHeartbeat();
    }

    /**
     * Another instance does the RingCentral work: nothing is asked here; the board keeps the calls mirrored.
     * Taking over with the owner's current feed in hand, this instance does not read the history at once: the
     * read 35 s after its fresh push subscription catches up what ended during the switch. Several takeovers in
     * a row, each reading the history at once, would take the cluster past RingCentral's Heavy limit (the
     * benchmark's five kills in a minute did: 11 Heavy requests and a 429). Without a current feed (the owner's
     * was not connected, or never published) the history comes first, as at start-up.
     */
    private void follow() {
        if (push.isOpen()) {
            push.close("Another Ringside instance owns RingCentral now");
        }
        following = true;
        historyWanted = !(board.status() instanceof FeedStatus.Ok);
        catchUpAt = null;
        // Only drops calls that left the window and re-tells the pages how old the list is; the owner's feed does the rest.
        board.expireAndHeartbeat();
    }

    private void stopEverything(ConnectionUnusableException.Why why) {
        if (push.isOpen()) {
            push.close(why == ConnectionUnusableException.Why.NOT_CONNECTED
                    ? "RingCentral is not connected" : "RingCentral needs to be connected again");
        }
        historyWanted = true;
        catchUpAt = null;
        board.forget(why == ConnectionUnusableException.Why.NOT_CONNECTED ? new FeedStatus.NotConnected() : new FeedStatus.ReconnectNeeded());
    }

    private void keepPushOpen(Instant now) {
        if (!settings.pushEnabled() || push.isOpen()) {
            return;
        }
        Instant stopped = push.stoppedAt();
        if (stopped == null || !now.isBefore(stopped.plus(settings.pushRetryAfterStop()))) {
            push.open();
        }
    }

    private boolean presenceDue(Instant now) {
        if (push.isLive() || !audience.anyoneWatching()) {
            return false;
        }
        return lastPresenceAttempt == null || !now.isBefore(lastPresenceAttempt.plus(settings.presenceInterval()));
    }

    private boolean callLogDue(Instant now) {
        if (lastCallLogAttempt != null && now.isBefore(lastCallLogAttempt.plus(settings.callLogMinimumGap()))) {
            return false;
        }
        if (historyWanted || catchUpAt != null && !now.isBefore(catchUpAt)) {
            return true;
        }
        Instant lastSync = sync.lastCallLogSync();
        Instant lastRead = lastSync != null ? lastSync : tookOverWithFeedAt;
        boolean pollingTheCallLog = audience.anyoneWatching() && !push.coversCompany() && !withinPushGrace(now);
        return lastRead == null
                || !now.isBefore(lastRead.plus(pollingTheCallLog ? settings.callLogInterval() : settings.pushReconcileInterval()));
    }

    /** Push dropped a moment ago and will likely recover with a replay: no reason to poll the call log yet. */
    private boolean withinPushGrace(Instant now) {
        if (!settings.pushEnabled()) {
            return false;
        }
        Instant notLiveSince = push.notLiveSince();
        return notLiveSince != null && push.isOpen() && now.isBefore(notLiveSince.plus(settings.pushGrace()));
    }
}
