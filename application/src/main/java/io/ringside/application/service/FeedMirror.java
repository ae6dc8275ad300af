package io.ringside.application.service;

import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.port.out.SharedFeed;

import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A follower's board, kept equal to what the RingCentral owner shares: read again on each {@code CALLS} signal,
 * each time listening (re)started — signals are not replayed — on losing the ownership, and on {@link #tick()}
 * (bootstrap, every 15 s) in case a signal was lost anyway. The owner's board is its own and is left alone.
 */
public final class FeedMirror {

    private static final Logger LOG = Logger.getLogger(FeedMirror.class.getName());

    private final SharedCalls shared;
    private final RecentCallersBoard board;
    private final Ownership ownership;
    /** Guarded by this. */
    private boolean failing;

    public FeedMirror(SharedCalls shared, RecentCallersBoard board, Ownership ownership) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.board = Objects.requireNonNull(board, "board");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        ownership.onChange(owner -> {
            if (!owner) {
                follow();
            }
        });
    }

    /** A signal from {@link ClusterSignals#listen}: the calls are read again when they changed. */
    public void signalled(ClusterSignals.Topic topic) {
        if (topic == ClusterSignals.Topic.CALLS) {
            follow();
        }
    }

    /** Listening started again after a break (or for the first time): signals may have been missed. */
    public void reconnected() {
        follow();
    }

    /** The safety net, every 15 s. */
    public void tick() {
        follow();
    }

    /** One read and one mirror at a time, so an older read never lands after a newer one. */
    private synchronized void follow() {
        if (ownership.isOwner()) {
            return;
        }
        Optional<SharedFeed> feed;
        try {
            feed = shared.read();
            failing = false;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot read the caller feed the owner shares; the list stays as it was", e);
            }
            return;
        }
        // Nothing shared yet (the owner is starting): the board keeps saying so itself.
        feed.ifPresent(owners -> board.mirror(owners.calls(), SharedFeedStatus.of(owners), owners.asOf()));
    }
}
