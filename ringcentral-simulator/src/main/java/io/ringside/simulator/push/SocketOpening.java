package io.ringside.simulator.push;

import io.ringside.simulator.settings.LiveSettings;
import io.ringside.simulator.settings.SimulatorSettings;

import java.time.Clock;
import java.time.Instant;

/**
 * A socket's first moments: its ws token is redeemed (a bad one gets an Error and a close), then it starts a
 * new session or recovers the one its {@code wsc} names, and hears ConnectionDetails (and, recovered, the
 * missed notifications). Guarded by the hub's lock.
 */
final class SocketOpening {

    static final int MAX_CONNECTIONS_PER_SESSION = 50;
    static final int MAX_ACTIVE_REQUESTS = 10;

    private final LiveSettings settings;
    private final Clock clock;
    private final WsTokens wsTokens;
    private final Connections connections;
    private final NotificationDelivery delivery;
    private final PushCounters counters;

    SocketOpening(LiveSettings settings, Clock clock, WsTokens wsTokens, Connections connections,
                  NotificationDelivery delivery, PushCounters counters) {
        this.settings = settings;
        this.clock = clock;
        this.wsTokens = wsTokens;
        this.connections = connections;
        this.delivery = delivery;
        this.counters = counters;
    }

    /** The ws token's grant; null (counted, Error sent, socket closed) when the token is bad. */
    WsTokens.Grant redeem(PushSocket socket, String accessToken) {
        WsTokens.Redeemed redeemed = wsTokens.redeem(accessToken);
        if (redeemed instanceof WsTokens.Redeemed.Admitted(WsTokens.Grant grant)) {
            return grant;
        }
        counters.socketsRefused++;
        boolean expired = ((WsTokens.Redeemed.Refused) redeemed).expired();
        Wire.ErrorBody error = expired ? Wire.ErrorBody.of("OAU-128", "WebSocket access token expired")
                : Wire.ErrorBody.of("OAU-213", "WebSocket access token not found or already used");
        Frames.trySend(socket, Wire.frame(new Wire.Meta(Wire.ERROR, Frames.newId(), 401, null, Frames.headers()),
                error));
        socket.close(1008, error.message());
        return null;
    }

    /** Starts or recovers the socket's session and greets it. */
    void open(PushSocket socket, String apiBase, WsTokens.Grant grant, String wscToken, Instant now) {
        connections.expireDetached(now);
        LiveSocket live = new LiveSocket(socket, apiBase, now);
        connections.add(live);
        counters.socketsOpened++;
        if (wscToken == null || wscToken.isBlank()) {
            WscSession session = connections.newSession(grant);
            Connections.attach(live, session);
            sendConnectionDetails(live, null, null);
            return;
        }
        WscSession previous = connections.session(wscToken);
        String failure = recoveryFailure(previous, grant, now);
        if (failure != null) {
            if (previous != null) {
                connections.forget(previous);
            }
            counters.recoveriesFailed++;
            WscSession session = connections.newSession(grant);
            Connections.attach(live, session);
            sendConnectionDetails(live, "Failed", failure.isEmpty() ? null : failure);
            return;
        }
        if (previous.live != null) {
            // The same session on a newer socket: the older one is done.
            LiveSocket older = previous.live;
            connections.remove(older.socket);
            older.socket.close(1000, "Session recovered on another connection");
        }
        counters.recoveriesSucceeded++;
        Connections.attach(live, previous);
        sendConnectionDetails(live, "Successful", null);
        delivery.replay(live, previous);
    }

    /** Null when the session can be recovered; else the recovery error code ("" when there is none to give). */
    private String recoveryFailure(WscSession previous, WsTokens.Grant grant, Instant now) {
        if (previous == null) {
            return "";
        }
        if (!previous.grant.oauthSessionId().equals(grant.oauthSessionId())) {
            return "WSG-1003"; // another OAuth session's wsc (RingCentral's SDK author observed this code)
        }
        if (previous.live == null && previous.droppedAt != null
                && !now.isBefore(previous.droppedAt.plus(settings.current().push().recoveryTimeout()))) {
            return "";
        }
        if (previous.subscription == null) {
            return "WSG-1005"; // nothing to recover: no subscription on that session
        }
        return null;
    }

    private void sendConnectionDetails(LiveSocket live, String recoveryState, String recoveryErrorCode) {
        SimulatorSettings.Push push = settings.current().push();
        WscSession session = live.session;
        Wire.ConnectionDetails details = new Wire.ConnectionDetails(Wire.connectionTime(clock.instant()),
                MAX_CONNECTIONS_PER_SESSION, push.recoveryBufferSize(), push.recoveryTimeout().toSeconds(),
                push.idleTimeout().toSeconds(), push.absoluteTimeout().toSeconds(), MAX_ACTIVE_REQUESTS,
                recoveryState, recoveryErrorCode);
        connections.write(live, Wire.frame(new Wire.Meta(Wire.CONNECTION_DETAILS, Frames.newId(), 200,
                new Wire.Wsc(session.token, ++session.sequence), Frames.headers()), details));
    }
}
