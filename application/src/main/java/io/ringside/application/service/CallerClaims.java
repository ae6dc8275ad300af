package io.ringside.application.service;

import io.ringside.application.port.in.ClaimCallers;
import io.ringside.domain.Actor;
import io.ringside.domain.Claim;
import io.ringside.domain.Claims;
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
 * Who is on which caller, shared by every open intake page. The claims change under one lock; watchers are told
 * outside it, and a failing watcher never stops the others. Bootstrap calls {@link #expire()} on a schedule;
 * {@link IntakeService} calls {@link #released} after a save.
 */
public final class CallerClaims implements ClaimCallers {

    private static final Logger LOG = Logger.getLogger(CallerClaims.class.getName());

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Claims claims = new Claims();
    /*
     * Requests on several threads change the claims; telling watchers one delivery at a time, each with the
     * claims as they are at that moment, means the last list a watcher gets is never older than the last change.
     */
    private final ReentrantLock delivery = new ReentrantLock();
    private final Set<Consumer<List<Claim>>> listeners = new CopyOnWriteArraySet<>();

    public CallerClaims(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
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
            // An ended claim still in the map would hide that this one is new to colleagues.
            boolean ended = claims.expire(now);
            changed = claims.claim(new Claim(phone, by.userId(), by.displayName(), now)) || ended;
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellWatchers();
        }
    }

    @Override
    public List<Claim> claims() {
        lock.lock();
        try {
            return claims.active(clock.instant());
        } finally {
            lock.unlock();
        }
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
        boolean changed;
        lock.lock();
        try {
            changed = claims.saved(phone, userId);
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellWatchers();
        }
    }

    /** Ends the claims that ran out of time; bootstrap calls it every 30 seconds. */
    public void expire() {
        boolean changed;
        lock.lock();
        try {
            changed = claims.expire(clock.instant());
        } finally {
            lock.unlock();
        }
        if (changed) {
            tellWatchers();
        }
    }

    private void tellWatchers() {
        delivery.lock();
        try {
            List<Claim> now = claims();
            for (Consumer<List<Claim>> listener : listeners) {
                deliver(listener, now);
            }
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
