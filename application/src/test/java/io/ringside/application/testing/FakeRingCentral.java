package io.ringside.application.testing;

import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.InboundCall;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshToken;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RingCentral's OAuth and call endpoints as the application sees them, scripted by tests:
 * issues numbered token pairs, counts every request, and throws what a test queues.
 */
public class FakeRingCentral implements RingCentralAuthorization, RingCentralCalls {

    public static final URI SERVER = URI.create("https://platform.ringcentral.test");

    private final Clock clock;
    private final AtomicInteger issued = new AtomicInteger();
    public final AtomicInteger exchanges = new AtomicInteger();
    public final AtomicInteger refreshes = new AtomicInteger();
    public final AtomicInteger revokes = new AtomicInteger();
    public final AtomicInteger callLogRequests = new AtomicInteger();
    public final AtomicInteger liveCallRequests = new AtomicInteger();
    private final Queue<RingCentralException> authFailures = new ArrayDeque<>();
    private final Queue<RingCentralException> callFailures = new ArrayDeque<>();
    private volatile Duration refreshDelay = Duration.ZERO;
    private final List<InboundCall> callLog = new ArrayList<>();
    private final List<InboundCall> liveCalls = new ArrayList<>();
    private volatile AccessToken revokedAccessToken;
    private volatile Runnable duringNextRefresh;
    /** The {@code since} of the latest call-log request, or null before the first. */
    public volatile Instant lastCallLogSince;
    /** The refresh token of the latest refresh request, or null before the first. */
    public volatile RefreshToken lastRefreshed;
    /** The code and PKCE verifier of the latest code exchange, or null before the first. */
    public volatile String lastCode;
    public volatile CodeVerifier lastCodeVerifier;
    /** The refresh token of the latest revoke request, or null before the first. */
    public volatile RefreshToken lastRevoked;

    public FakeRingCentral(Clock clock) {
        this.clock = clock;
    }

    public IssuedTokens nextTokens() {
        int n = issued.incrementAndGet();
        Instant now = clock.instant();
        return new IssuedTokens(new AccessToken("access-" + n, now.plusSeconds(3600)),
                new RefreshToken("refresh-" + n, now, now.plus(Duration.ofDays(7))), "owner-42", "ReadCallLog ReadPresence");
    }

    public synchronized void failNextAuth(RingCentralException failure) {
        authFailures.add(failure);
    }

    public synchronized void failNextCall(RingCentralException failure) {
        callFailures.add(failure);
    }

    /** Makes every refresh take this long, so racing refreshers overlap. */
    public void slowRefreshes(Duration delay) {
        this.refreshDelay = delay;
    }

    /**
     * Runs {@code action} inside the next refresh request, after RingCentral "received" it and before it
     * answers: lets a test have another refresher (another process) act while this one waits.
     */
    public void duringNextRefresh(Runnable action) {
        this.duringNextRefresh = action;
    }

    /** Every call request with this token answers 401, as RingCentral does for an expired token. */
    public void rejectAccessToken(AccessToken token) {
        this.revokedAccessToken = token;
    }

    public synchronized void logCall(InboundCall call) {
        callLog.add(call);
    }

    public synchronized void setLiveCalls(List<InboundCall> calls) {
        liveCalls.clear();
        liveCalls.addAll(calls);
    }

    @Override
    public URI authorizeUrl(String state, String codeChallenge) {
        return URI.create(SERVER + "/restapi/oauth/authorize?response_type=code&state=" + state
                + "&code_challenge=" + codeChallenge + "&code_challenge_method=S256");
    }

    @Override
    public IssuedTokens exchangeCode(String code, CodeVerifier codeVerifier) {
        exchanges.incrementAndGet();
        lastCode = code;
        lastCodeVerifier = codeVerifier;
        throwQueued(authFailures);
        return nextTokens();
    }

    @Override
    public IssuedTokens refresh(RefreshToken refreshToken) {
        refreshes.incrementAndGet();
        lastRefreshed = refreshToken;
        sleep(refreshDelay);
        Runnable hook = duringNextRefresh;
        if (hook != null) {
            duringNextRefresh = null;
            hook.run();
        }
        throwQueued(authFailures);
        return nextTokens();
    }

    @Override
    public void revoke(RefreshToken refreshToken) {
        revokes.incrementAndGet();
        lastRevoked = refreshToken;
        throwQueued(authFailures);
    }

    @Override
    public URI server() {
        return SERVER;
    }

    @Override
    public List<InboundCall> callLog(AccessToken accessToken, Instant since) {
        callLogRequests.incrementAndGet();
        lastCallLogSince = since;
        checkCall(accessToken);
        synchronized (this) {
            return callLog.stream().filter(call -> !call.startTime().isBefore(since)).toList();
        }
    }

    @Override
    public List<InboundCall> liveCalls(AccessToken accessToken) {
        liveCallRequests.incrementAndGet();
        checkCall(accessToken);
        synchronized (this) {
            return List.copyOf(liveCalls);
        }
    }

    private void checkCall(AccessToken accessToken) {
        throwQueued(callFailures);
        if (accessToken.equals(revokedAccessToken)) {
            throw new AccessTokenRejectedException("OAU-128");
        }
    }

    private synchronized void throwQueued(Queue<RingCentralException> failures) {
        RingCentralException next = failures.poll();
        if (next != null) {
            throw next;
        }
    }

    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
