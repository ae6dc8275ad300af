package io.ringside.application.service;

import io.ringside.application.port.out.RingCentralOwnership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether this instance does the RingCentral work (push, call-log reads, token refreshes) now. Bootstrap calls
 * {@link #tick()} every few seconds: a follower tries to become the owner, the owner checks it still is. When the
 * database cannot say, this instance is not the owner — two owners are worse than none for a few seconds.
 */
public final class Ownership {

    private static final Logger LOG = Logger.getLogger(Ownership.class.getName());

    private final RingCentralOwnership port;
    private final Clock clock;
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

    // Written under this, read by any thread.
    private volatile boolean owner;
    private volatile Instant ownerSince;
    /** Whether the port's failure was already logged (once per run of failures); guarded by this. */
    private boolean failing;

    public Ownership(RingCentralOwnership port, Clock clock) {
        this.port = Objects.requireNonNull(port, "port");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** One instance alone (as on H2): the owner from the start, always. */
    public static Ownership alone(Clock clock) {
        Ownership alone = new Ownership(ALWAYS, clock);
        alone.owner = true;
        alone.ownerSince = clock.instant();
        return alone;
    }

    private static final RingCentralOwnership ALWAYS = new RingCentralOwnership() {
        @Override
        public boolean tryAcquire() {
            return true;
        }

        @Override
        public boolean holds() {
            return true;
        }

        @Override
        public void release() {
        }
    };

    /** Becomes the owner if it can, or checks that it still is; the listeners hear of a change. */
    public void tick() {
        Boolean changedTo;
        synchronized (this) {
            boolean now = ask();
            changedTo = settle(now);
        }
        tell(changedTo);
    }

    /** Gives the ownership up (at shutdown), so another instance takes over at once. */
    public void release() {
        Boolean changedTo;
        synchronized (this) {
            if (owner) {
                giveUp();
            }
            changedTo = settle(false);
        }
        tell(changedTo);
    }

    public boolean isOwner() {
        return owner;
    }

    /** Since when this instance owns RingCentral, or null while it does not. */
    public Instant ownerSince() {
        return ownerSince;
    }

    /** Runs {@code work} only while this instance is the owner (the token keep-alive, say). */
    public void ifOwner(Runnable work) {
        if (owner) {
            work.run();
        }
    }

    /** {@code listener} hears true on becoming the owner and false on losing it, on the thread that noticed, outside any lock. */
    public void onChange(Consumer<Boolean> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Guarded by this. */
    private boolean ask() {
        try {
            boolean holds = owner ? port.holds() : port.tryAcquire();
            if (failing) {
                LOG.info("The database answers again about who owns RingCentral");
            }
            failing = false;
            if (owner && !holds) {
                LOG.warning("This instance no longer owns RingCentral (its lock is gone); it stops the RingCentral work");
            }
            return holds;
        } catch (RuntimeException e) {
            if (!failing) {
                failing = true;
                LOG.log(Level.WARNING, "Cannot tell whether this instance owns RingCentral; it does no RingCentral work until it can", e);
            }
            if (owner) {
                // Whatever the database still holds for us must go, or nobody would do the work.
                giveUp();
            }
            return false;
        }
    }

    /** Guarded by this. */
    private void giveUp() {
        try {
            port.release();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Releasing the RingCentral ownership failed (its connection is likely gone)", e);
        }
    }

    /** Guarded by this; the new state when it changed, else null. */
    private Boolean settle(boolean now) {
        if (now == owner) {
            return null;
        }
        owner = now;
        ownerSince = now ? clock.instant() : null;
        if (now) {
            LOG.info("This instance owns RingCentral now");
        }
        return now;
    }

    private void tell(Boolean changedTo) {
        if (changedTo == null) {
            return;
        }
        for (Consumer<Boolean> listener : listeners) {
            try {
                listener.accept(changedTo);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A listener of the RingCentral ownership failed", e);
            }
        }
    }
}
