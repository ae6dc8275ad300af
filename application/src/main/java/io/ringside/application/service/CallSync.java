package io.ringside.application.service;

import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.domain.InboundCall;
import io.ringside.domain.RecentCallers;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Reads calls from RingCentral into the board ("sync"; "refresh" is for tokens): the call log
 * (history, final results, catching up after push was down) and presence (the polling fallback).
 * A failure keeps the calls and says why; a lost connection empties the board.
 */
public final class CallSync {

    private static final Logger LOG = Logger.getLogger(CallSync.class.getName());

    private final AuthenticatedRingCentral ringCentral;
    private final RecentCallersBoard board;
    private final RecentCallers policy;
    private final Clock clock;

    private volatile Instant lastCallLogSync;
    private volatile Instant lastPresenceSync;
    private volatile Instant rateLimitedUntil;

    public CallSync(AuthenticatedRingCentral ringCentral, RecentCallersBoard board, RecentCallers policy, Clock clock) {
        this.ringCentral = ringCentral;
        this.board = board;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Reads the call log from the start of the window, every time. RingCentral's {@code dateFrom}
     * filters on a call's start and a call enters the log only when it ends, so an incremental read
     * ("since the last sync") would never see a call that lasted longer than the gap; the window is
     * at most a few pages, well inside the Heavy budget this is read with.
     *
     * @return whether the read succeeded
     */
    public boolean syncCallLog() {
        Instant askedAt = clock.instant();
        return ask(() -> {
            List<InboundCall> records = ringCentral.callLog(policy.windowStart(askedAt));
            board.synced(records);
            lastCallLogSync = askedAt;
        });
    }

    /** Reads the connected extension's live calls (presence). */
    public boolean pollPresence() {
        return ask(() -> {
            List<InboundCall> live = ringCentral.liveCalls();
            Instant at = clock.instant();
            board.polled(live, at);
            lastPresenceSync = at;
        });
    }

    public Instant lastCallLogSync() {
        return lastCallLogSync;
    }

    public Instant lastPresenceSync() {
        return lastPresenceSync;
    }

    /** Whether RingCentral's penalty forbids asking anything now (asking would restart it). */
    public boolean rateLimitedAt(Instant now) {
        Instant until = rateLimitedUntil;
        return until != null && now.isBefore(until);
    }

    private boolean ask(Runnable request) {
        try {
            request.run();
            return true;
        } catch (ConnectionUnusableException unusable) {
            board.forget(unusable.why() == ConnectionUnusableException.Why.NOT_CONNECTED
                    ? new FeedStatus.NotConnected() : new FeedStatus.ReconnectNeeded());
        } catch (RingCentralException failure) {
            LOG.log(Level.FINE, "RingCentral request failed", failure);
            board.failed(statusFor(failure));
        }
        return false;
    }

    private FeedStatus statusFor(RingCentralException failure) {
        return switch (failure) {
            case RingCentralRateLimitedException limited -> {
                rateLimitedUntil = limited.until();
                yield new FeedStatus.RateLimitedUntil(limited.until());
            }
            case RingCentralRejectedException rejected
                    when rejected.reason() == RingCentralRejectedException.Reason.MISSING_PERMISSION ->
                    new FeedStatus.Unavailable("RingCentral says Ringside lacks a permission (ReadCallLog, ReadPresence)");
            case AccessTokenRejectedException rejected -> new FeedStatus.Unavailable("RingCentral keeps rejecting the access token");
            default -> new FeedStatus.Unavailable(failure.getMessage());
        };
    }
}
