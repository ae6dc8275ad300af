package io.ringside.application.service;

import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.domain.CallEvent;

import java.time.Clock;
import java.time.Instant;
import java.util.logging.Logger;

/**
 * Ringside's end of RingCentral push: opens the session, feeds its call events to the board, and
 * remembers how the link is doing (for the scheduler, which falls back to polling while it is not
 * live, and for the admin page). A fresh subscription asks for a reconcile from the call log,
 * because events may have been missed before it.
 */
public final class PushLink implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PushLink.class.getName());

    private final CallNotifications notifications;
    private final AccessTokens tokens;
    private final RecentCallersBoard board;
    private final Clock clock;

    // Guarded by this.
    private CallNotifications.NotificationSession session;
    private int generation;
    private NotificationScope scope;
    private String limitation;
    private Instant liveSince;
    private Instant notLiveSince;
    private String notLiveReason = "Push has not started yet";
    private Instant stoppedAt;
    private Instant lastEventAt;
    private int reconnects;
    private int recoveries;
    private boolean everSubscribed;
    private boolean reconcileRequested;

    public PushLink(CallNotifications notifications, AccessTokens tokens, RecentCallersBoard board, Clock clock) {
        this.notifications = notifications;
        this.tokens = tokens;
        this.board = board;
        this.clock = clock;
        this.notLiveSince = clock.instant();
    }

    /** Opens a push session unless one is running. */
    public void open() {
        int thisGeneration;
        synchronized (this) {
            if (session != null) {
                return;
            }
            thisGeneration = ++generation;
            stoppedAt = null;
        }
        CallNotifications.NotificationSession opened = notifications.open(tokens, new SessionListener(thisGeneration));
        synchronized (this) {
            if (generation == thisGeneration && stoppedAt == null) {
                session = opened;
                return;
            }
        }
        opened.close();
    }

    /** Closes the running session (the connection was removed); the next {@link #open()} starts afresh. */
    public void close(String why) {
        CallNotifications.NotificationSession closing;
        synchronized (this) {
            closing = session;
            session = null;
            generation++;
            becomeNotLive(why);
            everSubscribed = false;
        }
        if (closing != null) {
            // Outside the lock: closing waits for the session's thread, which may be about to call us.
            closing.close();
        }
    }

    /** Ringside is stopping. */
    @Override
    public void close() {
        close("Ringside stopped");
    }

    public synchronized boolean isOpen() {
        return session != null;
    }

    public synchronized boolean isLive() {
        return liveSince != null;
    }

    /** Whether the live link covers every extension (otherwise calls elsewhere come only from the call log). */
    public synchronized boolean coversCompany() {
        return liveSince != null && scope == NotificationScope.COMPANY;
    }

    /** Since when push has not been live, or null while it is. */
    public synchronized Instant notLiveSince() {
        return liveSince == null ? notLiveSince : null;
    }

    /** When the last session gave up by itself, or null. */
    public synchronized Instant stoppedAt() {
        return stoppedAt;
    }

    /** True once after each fresh subscription: the call log should be read to catch up. */
    public synchronized boolean takeReconcileRequest() {
        boolean requested = reconcileRequested;
        reconcileRequested = false;
        return requested;
    }

    public synchronized LiveCallsHealth health() {
        if (liveSince != null) {
            return new LiveCallsHealth(scope == NotificationScope.COMPANY ? LiveCallsHealth.Mode.PUSH_COMPANY
                    : LiveCallsHealth.Mode.PUSH_CONNECTED_EXTENSION, liveSince, limitation, lastEventAt, reconnects, recoveries);
        }
        return new LiveCallsHealth(LiveCallsHealth.Mode.POLLING, notLiveSince, notLiveReason, lastEventAt, reconnects, recoveries);
    }

    private void becomeNotLive(String why) {
        if (liveSince != null || notLiveSince == null) {
            notLiveSince = clock.instant();
        }
        liveSince = null;
        notLiveReason = why;
    }

    /** One session's callbacks; those of a session already replaced or closed are ignored. */
    private final class SessionListener implements NotificationListener {

        private final int sessionGeneration;

        private SessionListener(int sessionGeneration) {
            this.sessionGeneration = sessionGeneration;
        }

        @Override
        public void onCallEvent(CallEvent event) {
            synchronized (PushLink.this) {
                if (!current()) {
                    return;
                }
                lastEventAt = clock.instant();
            }
            board.apply(event);
        }

        @Override
        public void onSubscribed(NotificationScope newScope, String newLimitation) {
            synchronized (PushLink.this) {
                if (!current()) {
                    return;
                }
                if (everSubscribed && liveSince == null) {
                    reconnects++;
                }
                everSubscribed = true;
                scope = newScope;
                limitation = newLimitation;
                liveSince = clock.instant();
                reconcileRequested = true;
            }
            LOG.info(() -> "RingCentral push subscribed: " + newScope + (newLimitation == null ? "" : " (" + newLimitation + ")"));
            board.confirmCurrent();
        }

        @Override
        public void onRecovered() {
            synchronized (PushLink.this) {
                if (!current()) {
                    return;
                }
                reconnects++;
                recoveries++;
                liveSince = clock.instant();
            }
            LOG.info("RingCentral push recovered; missed events replayed");
            board.confirmCurrent();
        }

        @Override
        public void onDown(String reason) {
            synchronized (PushLink.this) {
                if (!current()) {
                    return;
                }
                becomeNotLive("Push connection lost, reconnecting: " + reason);
            }
            LOG.warning(() -> "RingCentral push is down: " + reason);
        }

        @Override
        public void onStopped(String reason) {
            synchronized (PushLink.this) {
                if (!current()) {
                    return;
                }
                session = null;
                stoppedAt = clock.instant();
                everSubscribed = false;
                becomeNotLive(reason);
            }
            LOG.warning(() -> "RingCentral push stopped: " + reason);
        }

        private boolean current() {
            return sessionGeneration == generation;
        }
    }
}
