package io.ringside.simulator.push;

import io.ringside.simulator.calls.CallBook;
import io.ringside.simulator.calls.CallChange;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.limits.RateLimiter;
import io.ringside.simulator.limits.RequestCounter;
import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.settings.LiveSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * RingCentral's WebSocket gateway: ws tokens, sockets, the one subscription per session, notifications
 * of every call step, keep-alive and timeouts, and session recovery with a replay buffer. Plain Java and
 * thread-safe (one lock): the web layer hands it sockets, texts, pongs and closes.
 *
 * <p>A <em>session</em> is what a {@code wsc} token names: it outlives its socket by {@code recoveryTimeout},
 * keeping its subscription and buffering what happens meanwhile, so a client that reconnects with
 * {@code &wsc=} in time misses nothing.
 *
 * <p>This class is the coordinator and owns the lock: every entry point (public methods, call changes, the
 * keep-alive tick) is {@code synchronized} on it, and its parts ({@link Connections}, {@link SocketOpening},
 * {@link ClientMessages}, {@link SubscriptionRequests}, {@link NotificationDelivery}, {@link EventSwaps},
 * {@link KeepAlive}, {@link SocketRefusal}, {@link PushCounters}, {@link SentLog}) are not thread-safe and
 * run only under it.
 */
public final class PushHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushHub.class);

    /** A ws token as {@code POST /restapi/oauth/wstoken} hands it out. */
    public record IssuedWsToken(String token, long expiresInSeconds) {
    }

    private final LiveSettings settings;
    private final Clock clock;
    private final AppPermissions permissions;
    private final WsTokens wsTokens;
    private final TelephonyEvents events;

    private final PushCounters counters = new PushCounters();
    private final SentLog sent = new SentLog();
    private final SocketRefusal refusal;
    private final EventSwaps swaps = new EventSwaps();
    private final Connections connections;
    private final NotificationDelivery delivery;
    private final SocketOpening opening;
    private final ClientMessages clientMessages;
    private final KeepAlive keepAlive;

    public PushHub(LiveSettings settings, Clock clock, Directory directory, CallBook book, AppPermissions permissions,
                   RateLimiter rateLimiter, RequestCounter requests) {
        this.settings = settings;
        this.clock = clock;
        this.permissions = permissions;
        this.wsTokens = new WsTokens(clock);
        this.events = new TelephonyEvents(directory, book);
        this.refusal = new SocketRefusal(clock);
        this.connections = new Connections(settings, clock, counters);
        this.delivery = new NotificationDelivery(settings, clock, connections, counters, sent);
        this.opening = new SocketOpening(settings, clock, wsTokens, connections, delivery, counters);
        Replies replies = new Replies(connections);
        this.clientMessages = new ClientMessages(clock, replies, new SubscriptionRequests(settings, clock, directory,
                permissions, rateLimiter, requests, replies, counters));
        this.keepAlive = new KeepAlive(settings, connections);
        book.addListener(this::onCallChange);
    }

    // ---- POST /restapi/oauth/wstoken -----------------------------------------------------------------

    /**
     * A ws token for the caller's OAuth session (already authenticated and throttled by the HTTP gateway).
     * 403 CMN-401 without the WebSocketsSubscription permission; 503 while sockets are refused.
     */
    public synchronized IssuedWsToken issueWsToken(String oauthSessionId, String clientId, String ownerId) {
        requirePermission(AppPermissions.WEB_SOCKETS_SUBSCRIPTION);
        if (refusal.refusing()) {
            throw new ApiException(503, "CMN-211", "Service temporarily unavailable");
        }
        Duration lifetime = settings.current().push().wsTokenLifetime();
        String token = wsTokens.issue(new WsTokens.Grant(oauthSessionId, clientId, ownerId), lifetime);
        counters.wsTokensIssued++;
        return new IssuedWsToken(token, lifetime.toSeconds());
    }

    // ---- sockets ---------------------------------------------------------------------------------------

    /** Whether a handshake may proceed now; false (and counted) while sockets are refused. */
    public synchronized boolean admitHandshake() {
        if (refusal.refusing()) {
            counters.socketsRefused++;
            return false;
        }
        return true;
    }

    /**
     * A socket is open: redeem its ws token, start or recover its session, send ConnectionDetails (and a
     * recovered session's missed notifications). A bad token gets an Error message and a close.
     *
     * @param apiBase the platform's HTTP base as this client reaches it, e.g. {@code http://localhost:8080/simulator}
     */
    public synchronized void opened(PushSocket socket, String apiBase, String accessToken, String wscToken) {
        Instant now = clock.instant();
        WsTokens.Grant grant = opening.redeem(socket, accessToken);
        if (grant == null) {
            return;
        }
        keepAlive.ensureStarted(this::tick);
        opening.open(socket, apiBase, grant, wscToken, now);
    }

    /** A text from the client: Heartbeat or ClientRequest (subscription). */
    public synchronized void received(PushSocket socket, String text) {
        LiveSocket live = connections.live(socket);
        if (live != null) {
            clientMessages.received(live, text);
        }
    }

    public synchronized void pong(PushSocket socket) {
        LiveSocket live = connections.live(socket);
        if (live != null) {
            live.awaitingPong = false;
        }
    }

    /** The socket is gone (client close, network error, or our own close): its session waits for recovery. */
    public synchronized void closed(PushSocket socket) {
        LiveSocket live = connections.remove(socket);
        if (live != null) {
            connections.detach(live);
        }
    }

    // ---- controls ---------------------------------------------------------------------------------------

    /** Cuts every socket like a network failure: no close frame, sessions wait for recovery. */
    public synchronized int dropSockets() {
        List<LiveSocket> all = connections.removeAll();
        for (LiveSocket live : all) {
            connections.detach(live);
            live.socket.abort();
        }
        return all.size();
    }

    /** Refuses ws tokens (503) and handshakes (HTTP 503) for this long from now; zero stops refusing. */
    public synchronized void refuseSockets(Duration duration) {
        refusal.refuseFor(duration);
    }

    /**
     * Swaps the next two telephony-session events of this call: the next is held back and sent right after
     * the one that follows it, so a client sees e.g. sequence 1, 3, 2 and must keep the highest.
     */
    public synchronized void swapNextTwoEvents(String telephonySessionId) {
        swaps.arm(telephonySessionId);
    }

    public synchronized PushStats stats() {
        return counters.snapshot(connections.liveCount());
    }

    /** Notifications written to sockets, oldest first (the last 10 000). */
    public synchronized List<SentNotification> sentNotifications() {
        return sent.all();
    }

    /** Closes every socket (1001) and forgets sessions, tokens, sequences, counts and refusals. */
    public synchronized void clear() {
        for (LiveSocket live : connections.removeAll()) {
            live.socket.close(1001, "Platform reset");
        }
        connections.clearSessions();
        wsTokens.clear();
        events.clear();
        swaps.clear();
        sent.clear();
        refusal.clear();
        counters.reset();
    }

    @Override
    public synchronized void close() {
        keepAlive.stop();
    }

    // ---- under the lock: call changes and the keep-alive tick ---------------------------------------------

    private synchronized void onCallChange(CallChange change) {
        if (connections.noSessions() && swaps.idle()) {
            events.of(change); // keep sequences counting, nobody to tell
            return;
        }
        connections.expireDetached(clock.instant());
        for (PushEvent event : swaps.order(events.of(change))) {
            delivery.deliver(event);
        }
    }

    private synchronized void tick() {
        try {
            keepAlive.check(clock.instant(), System.nanoTime());
        } catch (RuntimeException e) {
            log.warn("Push keep-alive tick failed", e);
        }
    }

    private void requirePermission(String permission) {
        if (!permissions.has(permission)) {
            Wire.ErrorBody error = SubscriptionRequests.missingPermission(permission);
            throw new ApiException(403, error.errorCode(), error.message());
        }
    }
}
