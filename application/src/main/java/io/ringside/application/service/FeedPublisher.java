package io.ringside.application.service;

import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.SharedCalls;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The RingCentral owner's board, shared with the other instances: every snapshot the board publishes
 * ({@link RecentCallersBoard#onPublish}) is written with {@link SharedCalls#publish} and announced with a
 * {@link ClusterSignals.Topic#CALLS} signal. Writes happen on one thread of their own, so the board never waits
 * for the database; a snapshot that arrives while one is written replaces any still waiting — the latest wins.
 * A follower's board (mirrored from the owner) is never written back.
 */
public final class FeedPublisher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(FeedPublisher.class.getName());

    private final SharedCalls shared;
    private final ClusterSignals signals;
    private final Ownership ownership;
    private final Clock clock;
    private final Executor writer;
    private final ExecutorService ownWriter;
    private final AtomicReference<RecentCallersBoard.Snapshot> waiting = new AtomicReference<>();
    /** Only the writer's thread touches it. */
    private boolean failing;

    /** Writes on a thread of its own, stopped by {@link #close()}. */
    public FeedPublisher(SharedCalls shared, ClusterSignals signals, Ownership ownership, Clock clock) {
        this(shared, signals, ownership, clock, Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ringside-feed-publisher");
            thread.setDaemon(true);
            return thread;
        }));
    }

    /** Writes on {@code writer}, which must run one task at a time. */
    FeedPublisher(SharedCalls shared, ClusterSignals signals, Ownership ownership, Clock clock, Executor writer) {
        this.shared = Objects.requireNonNull(shared, "shared");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.ownership = Objects.requireNonNull(ownership, "ownership");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.writer = Objects.requireNonNull(writer, "writer");
        this.ownWriter = writer instanceof ExecutorService service ? service : null;
    }

    /** Hands {@code snapshot} to the writer; returns at once. Register it with {@code board.onPublish(publisher::publish)}. */
    public void publish(RecentCallersBoard.Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (!ownership.isOwner()) {
            return;
        }
        if (waiting.getAndSet(snapshot) == null) {
            try {
                writer.execute(this::writeLatest);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                waiting.set(null);
            }
        }
    }

    private void writeLatest() {
        RecentCallersBoard.Snapshot latest = waiting.getAndSet(null);
        // Ownership may have moved while it waited: the new owner's feed must not be overwritten.
        if (latest == null || !ownership.isOwner()) {
            return;
        }
        try {
            shared.publish(SharedFeedStatus.share(latest, clock.instant()));
            signals.signal(ClusterSignals.Topic.CALLS);
            if (failing) {
                LOG.info("The caller feed is shared with the other instances again");
            }
            failing = false;
        } catch (RuntimeException e) {
            // The board publishes again within its heartbeat: that write will carry the latest calls.
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot share the caller feed with the other instances; trying again with the next change", e);
            }
        }
    }

    @Override
    public void close() {
        if (ownWriter != null) {
            ownWriter.shutdownNow();
        }
    }
}
