package io.ringside.application.service;

import io.ringside.application.port.in.ClaimCallers;
import io.ringside.application.port.out.ClaimStore;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.domain.Actor;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who is on which caller, shared by every open intake page of every instance: the claims live in the
 * {@link ClaimStore}, and a change is announced with {@link ClusterSignals.Topic#CLAIMS} so the other instances
 * tell their pages. This instance's pages are told at once, not only when the signal comes back, so they stay live
 * while the listening connection is down; a list a page already has is not sent again.
 *
 * <p>Listens from construction until {@link #close()}. On each {@code CLAIMS} signal and each time listening
 * started again it re-reads the store, so a missed signal costs nothing. {@link #expire()} (every 30 s) re-reads it
 * too, as a safety net. Watchers are told outside every lock, and a failing watcher never stops the others.
 * {@link IntakeService} calls {@link #released} after a save.
 */
public final class CallerClaims implements ClaimCallers, AutoCloseable {

    private static final Logger LOG = Logger.getLogger(CallerClaims.class.getName());

    private final ClaimStore store;
    private final ClusterSignals signals;
    private final Clock clock;
    /* So that one instance's claim-again by the same person is seen as such, not as news. */
    private final ReentrantLock lock = new ReentrantLock();
    /*
     * Requests and the signal listener change or re-read the claims on several threads; telling watchers one
     * delivery at a time, each with the claims as they are at that moment, means the last list a watcher gets is
     * never older than the last change.
     */
    private final ReentrantLock delivery = new ReentrantLock();
    private final Set<Consumer<List<Claim>>> listeners = new CopyOnWriteArraySet<>();
    /** What every watcher was last told (guarded by {@link #delivery}); null before the first delivery. */
    private List<Claim> lastTold;
    private final ClusterSignals.Subscription listening;

    public CallerClaims(ClaimStore store, ClusterSignals signals, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.listening = signals.listen(topic -> {
            if (topic == ClusterSignals.Topic.CLAIMS) {
                tellWatchers();
            }
        }, this::tellWatchers);
    }

    /**
     * @throws IllegalArgumentException when {@code by} is not a person (Ringside itself claims no caller)
     */
    @Override
    public void claim(PhoneNumber phone, Actor by) {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(by, "by");
        if (by.userId() == null) {
            throw new IllegalArgumentException("Only a person with an account can claim a caller, not " + by.username());
        }
        boolean changed;
        lock.lock();
        try {
            Instant now = clock.instant();
            // An ended claim still stored would hide that this one is new to colleagues.
            boolean ended = store.expire(now) > 0;
            boolean alreadyTheirs = store.active(now).stream()
                    .anyMatch(claim -> claim.phone().equals(phone) && claim.isBy(by.userId()));
            // Stored even when already theirs: claiming again restarts the ten minutes.
            store.put(new Claim(phone, by.userId(), by.displayName(), now));
            changed = ended || !alreadyTheirs;
        } finally {
            lock.unlock();
        }
        if (changed) {
            announce();
        }
    }

    @Override
    public List<Claim> claims() {
        return store.active(clock.instant());
    }

    @Override
    public Subscription watch(Consumer<List<Claim>> listener) {
        Objects.requireNonNull(listener, "listener");
        delivery.lock();
        try {
            listeners.add(listener);
            deliver(listener, claims());
        } finally {
            delivery.unlock();
        }
        return () -> listeners.remove(listener);
    }

    /** {@code userId} saved an intake for {@code phone}: their claim on it is done (a colleague's stays). */
    public void released(PhoneNumber phone, UUID userId) {
        if (phone == null || userId == null) {
            return;
        }
        boolean removed;
        try {
            removed = store.release(phone, userId);
        } catch (RuntimeException e) {
            // The intake is saved: failing the save over this would invite saving it twice. The claim runs out.
            LOG.log(Level.WARNING, "A saved intake's claim could not be released; it ends after " + Claim.LASTS, e);
            return;
        }
        if (removed) {
            announce();
        }
    }

    /**
     * Ends the claims that ran out of time; bootstrap calls it every 30 seconds on every instance. The instance that
     * removed them tells the others; each instance also re-reads the claims for its own pages, in case a signal
     * was lost.
     */
    public void expire() {
        if (store.expire(clock.instant()) > 0) {
            signalOthers();
        }
        tellWatchers();
    }

    /** Stops listening to the other instances. */
    @Override
    public void close() {
        listening.close();
    }

    private void announce() {
        signalOthers();
        tellWatchers();
    }

    private void signalOthers() {
        try {
            signals.signal(ClusterSignals.Topic.CLAIMS);
        } catch (RuntimeException e) {
            // The change is stored: the other instances see it when they next re-read (expire(), a reconnect).
            LOG.log(Level.WARNING, "The other instances could not be told the claims changed", e);
        }
    }

    private void tellWatchers() {
        delivery.lock();
        try {
            List<Claim> now = claims();
            if (now.equals(lastTold)) {
                return;
            }
            lastTold = now;
            for (Consumer<List<Claim>> listener : listeners) {
                deliver(listener, now);
            }
        } catch (RuntimeException unreadable) {
            // e.g. the database is briefly gone: the pages keep what they have until the next signal or expire().
            LOG.log(Level.WARNING, "The claims could not be read to tell the intake pages", unreadable);
        } finally {
            delivery.unlock();
        }
    }

    private static void deliver(Consumer<List<Claim>> listener, List<Claim> claims) {
        try {
            listener.accept(claims);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A claims watcher failed; it stays subscribed", e);
        }
    }
}
