package io.ringside.application.service;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RingCentralConnection;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * Connects RingCentral: remembers each attempt's state and PKCE verifier, and on the way back
 * takes the attempt once, before RingCentral is asked anything, so a forged, expired or replayed
 * state never reaches RingCentral. Every attempt that comes back (connected, refused, failed) writes one
 * audit entry.
 */
public final class ConnectRingCentralService implements ConnectRingCentral {

    private static final Logger LOG = Logger.getLogger(ConnectRingCentralService.class.getName());
    private static final int SAVE_ATTEMPTS = 3;
    private static final String SUBJECT = "RingCentral";
    /** What an OAuth error code looks like; anything else from the browser is not written to the audit trail. */
    private static final Pattern OAUTH_ERROR = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private final PendingAuthorizationStore pendingAuthorizations;
    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final Auditor auditor;
    private final Clock clock;
    private final SecureRandom random;

    public ConnectRingCentralService(PendingAuthorizationStore pendingAuthorizations, ConnectionStore connections,
                                     RingCentralAuthorization ringCentral, Auditor auditor, Clock clock, SecureRandom random) {
        this.pendingAuthorizations = Objects.requireNonNull(pendingAuthorizations, "pendingAuthorizations");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.ringCentral = Objects.requireNonNull(ringCentral, "ringCentral");
        this.auditor = Objects.requireNonNull(auditor, "auditor");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public URI start(Actor admin) {
        PendingAuthorization pending = PendingAuthorization.start(admin.username(), clock.instant(), random);
        pendingAuthorizations.save(pending);
        return ringCentral.authorizeUrl(pending.state(), pending.codeChallenge());
    }

    @Override
    public ConnectOutcome complete(String state, String code, Actor admin) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("RingCentral sent no authorization code");
        }
        Optional<PendingAuthorization> pending = takeOwnAttempt(state, admin);
        if (pending.isEmpty()) {
            return refusedState(admin);
        }
        IssuedTokens tokens;
        try {
            tokens = ringCentral.exchangeCode(code, pending.get().codeVerifier());
        } catch (RingCentralRejectedException e) {
            LOG.warning(() -> "RingCentral refused the authorization code: " + e.reason() + " " + e.errorCode());
            failed(admin, "RingCentral refused the authorization code ("
                    + (e.errorCode() == null ? e.reason() : e.reason() + ", " + e.errorCode()) + ")");
            return new ConnectOutcome.CodeRejected(refusal(e.reason()));
        } catch (RingCentralRateLimitedException e) {
            failed(admin, "RingCentral is rate limiting sign-ins until " + e.until());
            return new ConnectOutcome.Unavailable("RingCentral is rate limiting sign-ins until " + e.until());
        } catch (RingCentralUnavailableException | AccessTokenRejectedException e) {
            failed(admin, "RingCentral could not be reached: " + e.getMessage());
            return new ConnectOutcome.Unavailable(e.getMessage());
        }
        try {
            saveConnection(tokens, admin.username());
        } catch (RuntimeException e) {
            failed(admin, "The connection could not be saved: " + e.getMessage());
            throw e;
        }
        auditor.succeeded(AuditKind.RINGCENTRAL_CONNECTED, admin, SUBJECT,
                tokens.ownerId() == null ? null : "RingCentral user " + tokens.ownerId() + " authorised Ringside");
        return new ConnectOutcome.Connected(tokens.ownerId());
    }

    @Override
    public ConnectOutcome decline(String state, String error, Actor admin) {
        if (takeOwnAttempt(state, admin).isEmpty()) {
            return refusedState(admin);
        }
        String reason = error == null || error.isBlank() ? "access_denied" : error;
        failed(admin, "RingCentral did not grant access (" + (OAUTH_ERROR.matcher(reason).matches() ? reason : "an unrecognised error") + ")");
        return new ConnectOutcome.AccessDenied(reason);
    }

    /** The attempt this admin started with this state, taken so it cannot be used again. */
    private Optional<PendingAuthorization> takeOwnAttempt(String state, Actor admin) {
        if (!PendingAuthorization.looksLikeState(state)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return pendingAuthorizations.take(state, now)
                // The store should not hand out an expired attempt; refusing it here too keeps the rule in one place.
                .filter(pending -> !pending.isExpiredAt(now))
                .filter(pending -> pending.startedBy().equals(admin.username()));
    }

    private ConnectOutcome refusedState(Actor admin) {
        auditor.record(AuditKind.RINGCENTRAL_CONNECTED, admin, SUBJECT,
                "The connection attempt is unknown, expired, already used or another admin's", AuditOutcome.REFUSED);
        return new ConnectOutcome.StateInvalid();
    }

    private void failed(Actor admin, String why) {
        auditor.record(AuditKind.RINGCENTRAL_CONNECTED, admin, SUBJECT, why, AuditOutcome.FAILED);
    }

    /** A keep-alive refresh may save the old connection meanwhile; the admin's new connection still wins. */
    private void saveConnection(IssuedTokens tokens, String admin) {
        for (int attempt = 1; attempt <= SAVE_ATTEMPTS; attempt++) {
            Instant now = clock.instant();
            RingCentralConnection next = connections.load()
                    .map(current -> current.replacedBy(tokens, admin, now))
                    .orElseGet(() -> RingCentralConnection.establish(tokens, admin, now));
            if (connections.saveIfVersionMatches(next) == ConnectionStore.SaveResult.SAVED) {
                return;
            }
        }
        throw new IllegalStateException("The RingCentral connection kept changing while it was being saved; connect again");
    }

    private static ConnectOutcome.Refusal refusal(RingCentralRejectedException.Reason reason) {
        return switch (reason) {
            case CODE_REJECTED -> ConnectOutcome.Refusal.CODE_REJECTED;
            case CODE_EXPIRED -> ConnectOutcome.Refusal.CODE_EXPIRED;
            case REDIRECT_MISMATCH -> ConnectOutcome.Refusal.REDIRECT_MISMATCH;
            case BAD_CLIENT_CREDENTIALS -> ConnectOutcome.Refusal.BAD_CLIENT_CREDENTIALS;
            case INVALID_GRANT, MISSING_PERMISSION, REQUEST_REFUSED -> ConnectOutcome.Refusal.OTHER;
        };
    }
}
