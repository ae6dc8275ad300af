package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralRequestObserver;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralUsage;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.Extension;
import io.ringside.domain.InboundCall;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshToken;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * The RingCentral ports, backed by an adapter that may be installed after start-up. With a real
 * RingCentral app it is installed at once; in demo mode only when the web server knows its port,
 * because the simulator's URL and the redirect URI are built from it.
 */
public final class LateBoundRingCentral implements RingCentralAuthorization, RingCentralCalls, CallNotifications,
        ExtensionDirectory, RingCentralUsage, AutoCloseable {

    private volatile RingCentralAdapter adapter;
    private RingCentralRequestObserver requestObserver = RingCentralRequestObserver.NONE;

    public synchronized void install(RingCentralAdapter newAdapter) {
        newAdapter.observeRequests(requestObserver);
        RingCentralAdapter previous = adapter;
        adapter = newAdapter;
        if (previous != null) {
            previous.close();
        }
    }

    /** Every request of the adapter in use, and of any installed later, is reported to {@code observer} (the metrics). */
    public synchronized void observeRequests(RingCentralRequestObserver observer) {
        requestObserver = observer;
        if (adapter != null) {
            adapter.observeRequests(observer);
        }
    }

    /** The adapter in use, for the health the admin page shows. */
    public RingCentralAdapter adapter() {
        RingCentralAdapter current = adapter;
        if (current == null) {
            throw new RingCentralUnavailableException("Ringside is still starting; RingCentral is not set up yet");
        }
        return current;
    }

    @Override
    public URI authorizeUrl(String state, String codeChallenge) {
        return adapter().authorization().authorizeUrl(state, codeChallenge);
    }

    @Override
    public IssuedTokens exchangeCode(String code, CodeVerifier codeVerifier) {
        return adapter().authorization().exchangeCode(code, codeVerifier);
    }

    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        return adapter().authorization().refresh(refreshToken);
    }

    @Override
    public void revoke(RefreshToken refreshToken) {
        adapter().authorization().revoke(refreshToken);
    }

    @Override
    public URI server() {
        RingCentralAdapter current = adapter;
        return current == null ? null : current.authorization().server();
    }

    @Override
    public List<InboundCall> callLog(AccessToken accessToken, Instant since) {
        return adapter().calls().callLog(accessToken, since);
    }

    @Override
    public List<InboundCall> liveCalls(AccessToken accessToken) {
        return adapter().calls().liveCalls(accessToken);
    }

    @Override
    public List<Extension> extensions(AccessToken accessToken) {
        return adapter().extensions().extensions(accessToken);
    }

    @Override
    public NotificationSession open(AccessTokens tokens, NotificationListener listener) {
        return adapter().notifications().open(tokens, listener);
    }

    @Override
    public List<GroupUsage> usage() {
        RingCentralAdapter current = adapter;
        if (current == null) {
            return List.of();
        }
        return current.rateLimitState().groups().stream()
                .map(group -> new GroupUsage(group.group().wireName(), group.limit(), group.sentInWindow(), group.blockedUntil(),
                        group.blockReason() == null ? null : switch (group.blockReason()) {
                            case RINGCENTRAL_PENALTY -> "RingCentral's penalty after a 429";
                            case RINGCENTRAL_BUDGET_USED -> "RingCentral said the budget is used up";
                            case LOCAL_BUDGET_USED -> "Ringside's own count reached the limit";
                        }))
                .toList();
    }

    @Override
    public void close() {
        RingCentralAdapter current = adapter;
        if (current != null) {
            current.close();
        }
    }
}
