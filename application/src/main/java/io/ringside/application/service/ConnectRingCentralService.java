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
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RingCentralConnection;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Connects RingCentral: remembers each attempt's state and PKCE verifier, and on the way back
 * takes the attempt once, before RingCentral is asked anything, so a forged, expired or replayed
 * state never reaches RingCentral.
 */
public final class ConnectRingCentralService implements ConnectRingCentral {

    private static final Logger LOG = Logger.getLogger(ConnectRingCentralService.class.getName());
    private static final int SAVE_ATTEMPTS = 3;

    private final PendingAuthorizationStore pendingAuthorizations;
    private final ConnectionStore connections;
    private final RingCentralAuthorization ringCentral;
    private final Clock clock;
    private final SecureRandom random;

    public ConnectRingCentralService(PendingAuthorizationStore pendingAuthorizations, ConnectionStore connections,
                                     RingCentralAuthorization ringCentral, Clock clock, SecureRandom random) {
        this.pendingAuthorizations = pendingAuthorizations;
        this.connections = connections;
        this.ringCentral = ringCentral;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public URI start(String admin) {
        PendingAuthorization pending = PendingAuthorization.start(admin, clock.instant(), random);
        pendingAuthorizations.save(pending);
        return ringCentral.authorizeUrl(pending.state(), pending.codeChallenge());
    }

    @Override
    public ConnectOutcome complete(String state, String code, String admin) {
        if (code == null || code.isBlank()) {
            throw new IllegalArgumentException("RingCentral sent no authorization code");
        }
        Optional<PendingAuthorization> pending = takeOwnAttempt(state, admin);
        if (pending.isEmpty()) {
            return new ConnectOutcome.StateInvalid();
        }
        IssuedTokens tokens;
        try {
            tokens = ringCentral.exchangeCode(code, pending.get().codeVerifier());
        } catch (RingCentralRejectedException e) {
            LOG.warning(() -> "RingCentral refused the authorization code: " + e.reason() + " " + e.errorCode());
            return new ConnectOutcome.CodeRejected(refusal(e.reason()));
        } catch (RingCentralRateLimitedException e) {
            return new ConnectOutcome.Unavailable("RingCentral is rate limiting sign-ins until " + e.until());
        } catch (RingCentralUnavailableException | AccessTokenRejectedException e) {
            return new ConnectOutcome.Unavailable(e.getMessage());
        }
        saveConnection(tokens, admin);
        return new ConnectOutcome.Connected(tokens.ownerId());
    }

    @Override
    public ConnectOutcome decline(String state, String error, String admin) {
        if (takeOwnAttempt(state, admin).isEmpty()) {
            return new ConnectOutcome.StateInvalid();
        }
        return new ConnectOutcome.AccessDenied(error == null || error.isBlank() ? "access_denied" : error);
    }

    /** The attempt this admin started with this state, taken so it cannot be used again. */
    private Optional<PendingAuthorization> takeOwnAttempt(String state, String admin) {
        if (!PendingAuthorization.looksLikeState(state)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return pendingAuthorizations.take(state, now)
                // The store should not hand out an expired attempt; refusing it here too keeps the rule in one place.
                .filter(pending -> !pending.isExpiredAt(now))
                .filter(pending -> pending.startedBy().equals(admin));
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
