package io.ringside.simulator.push;

import io.ringside.simulator.calls.CallBook;
import io.ringside.simulator.calls.CallChange;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.error.ApiException;
import io.ringside.simulator.limits.RateDecision;
import io.ringside.simulator.limits.RateLimiter;
import io.ringside.simulator.limits.RequestCounter;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.settings.LiveSettings;
import io.ringside.simulator.settings.SimulatorSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * RingCentral's WebSocket gateway: ws tokens, sockets, the one subscription per session, notifications
 * of every call step, keep-alive and timeouts, and session recovery with a replay buffer. Plain Java and
 * thread-safe (one lock): the web layer hands it sockets, texts, pongs and closes.
 *
 * <p>A <em>session</em> is what a {@code wsc} token names: it outlives its socket by {@code recoveryTimeout},
 * keeping its subscription and buffering what happens meanwhile, so a client that reconnects with
 * {@code &wsc=} in time misses nothing.
 */
public final class PushHub implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PushHub.class);

    static final String SUBSCRIPTION_PATH = "/restapi/v1.0/subscription";
    /** WebSocket subscriptions renew themselves; RingCentral still reports a lifetime. */
    static final Duration SUBSCRIPTION_LIFETIME = Duration.ofSeconds(900);
    static final int MAX_CONNECTIONS_PER_SESSION = 50;
    static final int MAX_ACTIVE_REQUESTS = 10;
    private static final int LOG_LIMIT = 10_000;
    private static final long TICK_MILLIS = 100;

    /** A ws token as {@code POST /restapi/oauth/wstoken} hands it out. */
    public record IssuedWsToken(String token, long expiresInSeconds) {
    }

    private record Subscription(String id, List<EventFilter> filters, Instant createdAt) {
    }

    private record Buffered(String json, SentNotification info) {
    }

    /** What a {@code wsc} token names. */
    private static final class Session {
        final String token;
        final WsTokens.Grant grant;
        Subscription subscription;
        long sequence;
        final Deque<Buffered> buffer = new ArrayDeque<>();
        Live live;
        Instant droppedAt;

        Session(String token, WsTokens.Grant grant) {
            this.token = token;
            this.grant = grant;
        }
    }

    /** An open socket. */
    private static final class Live {
        final PushSocket socket;
        final String apiBase;
        final Instant openedAt;
        Session session;
        Instant lastClientMessageAt;
        long lastPingNanos = System.nanoTime();
        boolean awaitingPong;

        Live(PushSocket socket, String apiBase, Instant openedAt) {
            this.socket = socket;
            this.apiBase = apiBase;
            this.openedAt = openedAt;
            this.lastClientMessageAt = openedAt;
        }
    }

    private final LiveSettings settings;
    private final Clock clock;
    private final Directory directory;
    private final AppPermissions permissions;
    private final RateLimiter rateLimiter;
    private final RequestCounter requests;
    private final WsTokens wsTokens;
    private final TelephonyEvents events;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Live> lives = new LinkedHashMap<>();
    private final Set<String> swapArmed = new HashSet<>();
    private final Map<String, PushEvent> held = new HashMap<>();
    private final Deque<SentNotification> sent = new ArrayDeque<>();
    private Instant refuseUntil;
    private ScheduledExecutorService keepAlive;

    private long wsTokensIssued;
    private long socketsOpened;
    private long socketsRefused;
    private long recoveriesSucceeded;
    private long recoveriesFailed;
    private long subscriptionsCreated;
    private long notificationsSent;
    private long notificationsBuffered;
    private long notificationsLost;

    public PushHub(LiveSettings settings, Clock clock, Directory directory, CallBook book, AppPermissions permissions,
                   RateLimiter rateLimiter, RequestCounter requests) {
        this.settings = settings;
        this.clock = clock;
        this.directory = directory;
        this.permissions = permissions;
        this.rateLimiter = rateLimiter;
        this.requests = requests;
        this.wsTokens = new WsTokens(clock);
        this.events = new TelephonyEvents(directory, book);
        book.addListener(this::onCallChange);
    }

    // ---- POST /restapi/oauth/wstoken -----------------------------------------------------------------

    /**
     * A ws token for the caller's OAuth session (already authenticated and throttled by the HTTP gateway).
     * 403 CMN-401 without the WebSocketsSubscription permission; 503 while sockets are refused.
     */
    public synchronized IssuedWsToken issueWsToken(String oauthSessionId, String clientId, String ownerId) {
        requirePermission(AppPermissions.WEB_SOCKETS_SUBSCRIPTION);
        if (refusing()) {
            throw new ApiException(503, "CMN-211", "Service temporarily unavailable");
        }
        Duration lifetime = push().wsTokenLifetime();
        String token = wsTokens.issue(new WsTokens.Grant(oauthSessionId, clientId, ownerId), lifetime);
        wsTokensIssued++;
        return new IssuedWsToken(token, lifetime.toSeconds());
    }

    // ---- sockets ---------------------------------------------------------------------------------------

    /** Whether a handshake may proceed now; false (and counted) while sockets are refused. */
    public synchronized boolean admitHandshake() {
        if (refusing()) {
            socketsRefused++;
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
        WsTokens.Redeemed redeemed = wsTokens.redeem(accessToken);
        if (!(redeemed instanceof WsTokens.Redeemed.Admitted(WsTokens.Grant grant))) {
            socketsRefused++;
            boolean expired = ((WsTokens.Redeemed.Refused) redeemed).expired();
            Wire.ErrorBody error = expired ? Wire.ErrorBody.of("OAU-128", "WebSocket access token expired")
                    : Wire.ErrorBody.of("OAU-213", "WebSocket access token not found or already used");
            trySend(socket, Wire.frame(new Wire.Meta(Wire.ERROR, newId(), 401, null, headers()), error));
            socket.close(1008, error.message());
            return;
        }
        ensureKeepAlive();
        expireDetached(now);
        Live live = new Live(socket, apiBase, now);
        lives.put(socket.id(), live);
        socketsOpened++;
        if (wscToken == null || wscToken.isBlank()) {
            Session session = newSession(grant);
            attach(live, session);
            sendConnectionDetails(live, null, null);
            return;
        }
        Session previous = sessions.get(wscToken);
        String failure = recoveryFailure(previous, grant, now);
        if (failure != null) {
            if (previous != null) {
                forget(previous);
            }
            recoveriesFailed++;
            Session session = newSession(grant);
            attach(live, session);
            sendConnectionDetails(live, "Failed", failure.isEmpty() ? null : failure);
            return;
        }
        if (previous.live != null) {
            // The same session on a newer socket: the older one is done.
            Live older = previous.live;
            lives.remove(older.socket.id());
            older.socket.close(1000, "Session recovered on another connection");
        }
        recoveriesSucceeded++;
        attach(live, previous);
        sendConnectionDetails(live, "Successful", null);
        List<Buffered> replay = new ArrayList<>(previous.buffer);
        previous.buffer.clear();
        for (Buffered missed : replay) {
            if (!write(live, missed.json())) {
                break;
            }
            record(new SentNotification(clock.instant(), missed.info().subscriptionId(), missed.info().event(),
                    missed.info().telephonySessionId(), missed.info().status(), missed.info().sequence(),
                    missed.info().wscSequence(), true, missed.json()));
        }
    }

    /** A text from the client: Heartbeat or ClientRequest (subscription). */
    public synchronized void received(PushSocket socket, String text) {
        Live live = lives.get(socket.id());
        if (live == null) {
            return;
        }
        live.lastClientMessageAt = clock.instant();
        JsonNode message;
        try {
            message = Wire.parse(text);
        } catch (JacksonException notJson) {
            replyError(live, null, 400, Wire.ErrorBody.of("CMN-101", "Parameter [message] value is invalid"));
            return;
        }
        JsonNode meta = message.isArray() && !message.isEmpty() ? message.get(0) : null;
        if (meta == null || !meta.isObject()) {
            replyError(live, null, 400, Wire.ErrorBody.of("CMN-101", "Parameter [message] value is invalid"));
            return;
        }
        String type = text(meta, "type");
        String messageId = text(meta, "messageId");
        JsonNode body = message.size() > 1 ? message.get(1) : null;
        if (Wire.HEARTBEAT.equals(type)) {
            write(live, Wire.frame(new Wire.Meta(Wire.HEARTBEAT, messageId, 200, null, null), null));
        } else if (Wire.CLIENT_REQUEST.equals(type)) {
            clientRequest(live, messageId, text(meta, "method"), text(meta, "path"), body);
        } else {
            replyError(live, messageId, 400, Wire.ErrorBody.of("CMN-101", "Parameter [type] value is invalid", "type"));
        }
    }

    public synchronized void pong(PushSocket socket) {
        Live live = lives.get(socket.id());
        if (live != null) {
            live.awaitingPong = false;
        }
    }

    /** The socket is gone (client close, network error, or our own close): its session waits for recovery. */
    public synchronized void closed(PushSocket socket) {
        Live live = lives.remove(socket.id());
        if (live != null) {
            detach(live);
        }
    }

    // ---- controls ---------------------------------------------------------------------------------------

    /** Cuts every socket like a network failure: no close frame, sessions wait for recovery. */
    public synchronized int dropSockets() {
        List<Live> all = new ArrayList<>(lives.values());
        lives.clear();
        for (Live live : all) {
            detach(live);
            live.socket.abort();
        }
        return all.size();
    }

    /** Refuses ws tokens (503) and handshakes (HTTP 503) for this long from now; zero stops refusing. */
    public synchronized void refuseSockets(Duration duration) {
        refuseUntil = duration.isZero() || duration.isNegative() ? null : clock.instant().plus(duration);
    }

    /**
     * Swaps the next two telephony-session events of this call: the next is held back and sent right after
     * the one that follows it, so a client sees e.g. sequence 1, 3, 2 and must keep the highest.
     */
    public synchronized void swapNextTwoEvents(String telephonySessionId) {
        swapArmed.add(telephonySessionId);
    }

    public synchronized PushStats stats() {
        return new PushStats(wsTokensIssued, socketsOpened, socketsRefused, recoveriesSucceeded, recoveriesFailed,
                subscriptionsCreated, notificationsSent, notificationsBuffered, notificationsLost, lives.size());
    }

    /** Notifications written to sockets, oldest first (the last 10 000). */
    public synchronized List<SentNotification> sentNotifications() {
        return List.copyOf(sent);
    }

    /** Closes every socket (1001) and forgets sessions, tokens, sequences, counts and refusals. */
    public synchronized void clear() {
        List<Live> all = new ArrayList<>(lives.values());
        lives.clear();
        for (Live live : all) {
            live.socket.close(1001, "Platform reset");
        }
        sessions.clear();
        wsTokens.clear();
        events.clear();
        swapArmed.clear();
        held.clear();
        sent.clear();
        refuseUntil = null;
        wsTokensIssued = socketsOpened = socketsRefused = recoveriesSucceeded = recoveriesFailed = 0;
        subscriptionsCreated = notificationsSent = notificationsBuffered = notificationsLost = 0;
    }

    @Override
    public synchronized void close() {
        if (keepAlive != null) {
            keepAlive.shutdownNow();
            keepAlive = null;
        }
    }

    // ---- ClientRequest ----------------------------------------------------------------------------------

    private void clientRequest(Live live, String messageId, String method, String rawPath, JsonNode body) {
        String path = rawPath == null ? "" : rawPath.split("\\?", 2)[0];
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String verb = method == null ? "" : method.toUpperCase();
        String subscriptionId = null;
        boolean renew = false;
        if (path.startsWith(SUBSCRIPTION_PATH + "/")) {
            subscriptionId = path.substring(SUBSCRIPTION_PATH.length() + 1);
            if (subscriptionId.endsWith("/renew")) {
                subscriptionId = subscriptionId.substring(0, subscriptionId.length() - "/renew".length());
                renew = true;
            }
        } else if (!path.equals(SUBSCRIPTION_PATH)) {
            replyError(live, messageId, 404, Wire.ErrorBody.of("CMN-102", "Resource for parameter [path] is not found",
                    "path"));
            return;
        }
        ThrottlingGroup group = verb.equals("GET") ? ThrottlingGroup.LIGHT : ThrottlingGroup.MEDIUM;
        String pattern = subscriptionId == null ? SUBSCRIPTION_PATH
                : SUBSCRIPTION_PATH + "/{subscriptionId}" + (renew ? "/renew" : "");
        requests.record(group, verb + " " + pattern);
        Map<String, String> headers = headers();
        WsTokens.Grant grant = live.session.grant;
        RateDecision decision = rateLimiter.admit(grant.clientId() + "/" + grant.ownerId(), group,
                settings.current().rateLimits());
        headers.put("X-Rate-Limit-Group", decision.group().wireName());
        headers.put("X-Rate-Limit-Limit", Integer.toString(decision.limit()));
        headers.put("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
        headers.put("X-Rate-Limit-Window", Long.toString(decision.window().toSeconds()));
        if (!decision.allowed()) {
            headers.put("Retry-After", Long.toString(decision.retryAfter().toSeconds()));
            reply(live, messageId, 429, headers, Wire.ErrorBody.of("CMN-301", "Request rate exceeded"));
            return;
        }
        Session session = live.session;
        Subscription current = session.subscription;
        if (subscriptionId == null) {
            if (!verb.equals("POST")) {
                reply(live, messageId, 405, headers, Wire.ErrorBody.of("CMN-405", "Method not allowed"));
                return;
            }
            subscribe(live, messageId, headers, body, null);
            return;
        }
        if (current == null || !current.id().equals(subscriptionId)) {
            reply(live, messageId, 404, headers,
                    Wire.ErrorBody.of("CMN-102", "Resource for parameter [subscriptionId] is not found",
                            "subscriptionId"));
            return;
        }
        switch (renew ? "RENEW" : verb) {
            case "GET", "RENEW" -> reply(live, messageId, 200, headers, info(live, current));
            case "PUT" -> subscribe(live, messageId, headers, body, current);
            case "DELETE" -> {
                session.subscription = null;
                reply(live, messageId, 204, headers, null);
            }
            default -> reply(live, messageId, 405, headers, Wire.ErrorBody.of("CMN-405", "Method not allowed"));
        }
    }

    /** Creates (or with {@code existing}, updates) the session's one subscription; a new one replaces the old. */
    private void subscribe(Live live, String messageId, Map<String, String> headers, JsonNode body,
                           Subscription existing) {
        Session session = live.session;
        JsonNode filters = body == null ? null : body.get("eventFilters");
        List<EventFilter> parsed;
        if (filters == null && existing != null) {
            parsed = existing.filters(); // PUT without filters only renews
        } else {
            if (filters == null || !filters.isArray() || filters.isEmpty()) {
                reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                        "Parameter [eventFilters] value is invalid", "eventFilters"));
                return;
            }
            long ownerId = Long.parseLong(session.grant.ownerId());
            Set<EventFilter> unique = new LinkedHashSet<>();
            for (JsonNode filter : filters) {
                Optional<EventFilter> one = filter.isString()
                        ? EventFilter.parse(filter.asString(), directory, ownerId) : Optional.empty();
                if (one.isEmpty()) {
                    reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                            "Parameter [eventFilters] value is invalid", "eventFilters"));
                    return;
                }
                unique.add(one.get());
            }
            parsed = List.copyOf(unique);
        }
        if (existing == null) {
            JsonNode transport = body == null ? null : body.path("deliveryMode").get("transportType");
            if (transport == null || !"WebSocket".equals(transport.asString(""))) {
                reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                        "Parameter [deliveryMode.transportType] value is invalid", "deliveryMode.transportType"));
                return;
            }
        }
        for (EventFilter filter : parsed) {
            if (!permissions.has(filter.permission())) {
                reply(live, messageId, 403, headers, missingPermission(filter.permission()));
                return;
            }
        }
        Subscription subscription = existing != null
                ? new Subscription(existing.id(), parsed, existing.createdAt())
                : new Subscription(UUID.randomUUID().toString(), parsed, clock.instant());
        session.subscription = subscription;
        if (existing == null) {
            subscriptionsCreated++;
        }
        reply(live, messageId, 200, headers, info(live, subscription));
    }

    private Wire.SubscriptionInfo info(Live live, Subscription subscription) {
        Instant now = clock.instant();
        return new Wire.SubscriptionInfo(live.apiBase + SUBSCRIPTION_PATH + "/" + subscription.id(),
                subscription.id(), Wire.time(subscription.createdAt()), "Active",
                subscription.filters().stream().map(EventFilter::canonical).toList(),
                Wire.time(now.plus(SUBSCRIPTION_LIFETIME)), SUBSCRIPTION_LIFETIME.toSeconds(),
                new Wire.DeliveryMode("WebSocket", false));
    }

    // ---- notifications ---------------------------------------------------------------------------------

    private synchronized void onCallChange(CallChange change) {
        if (sessions.isEmpty() && swapArmed.isEmpty() && held.isEmpty()) {
            events.of(change); // keep sequences counting, nobody to tell
            return;
        }
        expireDetached(clock.instant());
        for (PushEvent event : events.of(change)) {
            String session = event.call().telephonySessionId();
            if (event.telephony() && swapArmed.remove(session)) {
                held.put(session, event);
                continue;
            }
            deliver(event);
            PushEvent late = event.telephony() ? held.remove(session) : null;
            if (late != null) {
                deliver(late);
            }
        }
    }

    private void deliver(PushEvent event) {
        for (Session session : new ArrayList<>(sessions.values())) {
            Subscription subscription = session.subscription;
            if (subscription == null) {
                continue;
            }
            for (EventFilter filter : subscription.filters()) {
                if (event.matches(filter)) {
                    notify(session, subscription, filter, event);
                }
            }
        }
    }

    private void notify(Session session, Subscription subscription, EventFilter filter, PushEvent event) {
        Instant now = clock.instant();
        String id = newId();
        long wscSequence = ++session.sequence;
        Wire.Notification notification = new Wire.Notification(id, filter.canonical(), Wire.time(now),
                subscription.id(), session.grant.ownerId(), event.bodyFor(filter));
        String json = Wire.frame(new Wire.Meta(Wire.SERVER_NOTIFICATION, id, 200,
                new Wire.Wsc(session.token, wscSequence), headers()), notification);
        SentNotification info = new SentNotification(now, subscription.id(), filter.canonical(),
                event.call().telephonySessionId(), event.status(), event.sequence(), wscSequence, false, json);
        if (session.live != null && write(session.live, json)) {
            record(info);
            return;
        }
        int capacity = push().recoveryBufferSize();
        if (capacity == 0) {
            notificationsLost++;
            return;
        }
        session.buffer.addLast(new Buffered(json, info));
        notificationsBuffered++;
        while (session.buffer.size() > capacity) {
            // RingCentral's guide: past the buffer size a recovered client gets "only the most recent events".
            session.buffer.removeFirst();
            notificationsLost++;
        }
    }

    private void record(SentNotification notification) {
        notificationsSent++;
        sent.addLast(notification);
        while (sent.size() > LOG_LIMIT) {
            sent.removeFirst();
        }
    }

    // ---- keep-alive and timeouts ------------------------------------------------------------------------

    private void ensureKeepAlive() {
        if (keepAlive == null) {
            keepAlive = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ringcentral-simulator-push");
                thread.setDaemon(true);
                return thread;
            });
            keepAlive.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void tick() {
        try {
            Instant now = clock.instant();
            long nanos = System.nanoTime();
            SimulatorSettings.Push push = push();
            expireDetached(now);
            for (Live live : new ArrayList<>(lives.values())) {
                if (!now.isBefore(live.openedAt.plus(push.absoluteTimeout()))) {
                    timeout(live, "WSG-903", "Absolute timeout expired");
                } else if (!now.isBefore(live.lastClientMessageAt.plus(push.idleTimeout()))) {
                    timeout(live, "WSG-902", "Idle timeout expired");
                } else if (live.awaitingPong) {
                    if (nanos - live.lastPingNanos >= push.pongTimeout().toNanos()) {
                        lives.remove(live.socket.id());
                        detach(live);
                        live.socket.close(1001, "No pong within " + push.pongTimeout().toSeconds() + " s");
                    }
                } else if (nanos - live.lastPingNanos >= push.pingInterval().toNanos()) {
                    live.lastPingNanos = nanos;
                    live.awaitingPong = true;
                    try {
                        live.socket.ping();
                    } catch (IOException | RuntimeException e) {
                        lives.remove(live.socket.id());
                        detach(live);
                        live.socket.abort();
                    }
                }
            }
        } catch (RuntimeException e) {
            log.warn("Push keep-alive tick failed", e);
        }
    }

    /** RingCentral's timeouts: an Error message with the code, then the socket closes; the session may recover. */
    private void timeout(Live live, String errorCode, String message) {
        trySend(live.socket, Wire.frame(new Wire.Meta(Wire.ERROR, newId(), null, null, headers()),
                Wire.ErrorBody.of(errorCode, message)));
        lives.remove(live.socket.id());
        detach(live);
        live.socket.close(1000, message);
    }

    private void expireDetached(Instant now) {
        Duration recovery = push().recoveryTimeout();
        sessions.values().removeIf(session -> {
            boolean expired = session.live == null && session.droppedAt != null
                    && !now.isBefore(session.droppedAt.plus(recovery));
            if (expired) {
                notificationsLost += session.buffer.size();
            }
            return expired;
        });
    }

    // ---- sessions ---------------------------------------------------------------------------------------

    /** Null when the session can be recovered; else the recovery error code ("" when there is none to give). */
    private String recoveryFailure(Session previous, WsTokens.Grant grant, Instant now) {
        if (previous == null) {
            return "";
        }
        if (!previous.grant.oauthSessionId().equals(grant.oauthSessionId())) {
            return "WSG-1003"; // another OAuth session's wsc (RingCentral's SDK author observed this code)
        }
        if (previous.live == null && previous.droppedAt != null
                && !now.isBefore(previous.droppedAt.plus(push().recoveryTimeout()))) {
            return "";
        }
        if (previous.subscription == null) {
            return "WSG-1005"; // nothing to recover: no subscription on that session
        }
        return null;
    }

    private Session newSession(WsTokens.Grant grant) {
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), grant);
        sessions.put(session.token, session);
        return session;
    }

    private void forget(Session session) {
        sessions.remove(session.token);
        notificationsLost += session.buffer.size();
        session.buffer.clear();
        if (session.live != null) {
            lives.remove(session.live.socket.id());
            session.live.socket.close(1000, "Session replaced");
            session.live = null;
        }
    }

    private static void attach(Live live, Session session) {
        live.session = session;
        session.live = live;
        session.droppedAt = null;
    }

    private void detach(Live live) {
        Session session = live.session;
        if (session != null && session.live == live) {
            session.live = null;
            session.droppedAt = clock.instant();
        }
    }

    private void sendConnectionDetails(Live live, String recoveryState, String recoveryErrorCode) {
        SimulatorSettings.Push push = push();
        Session session = live.session;
        Wire.ConnectionDetails details = new Wire.ConnectionDetails(Wire.connectionTime(clock.instant()),
                MAX_CONNECTIONS_PER_SESSION, push.recoveryBufferSize(), push.recoveryTimeout().toSeconds(),
                push.idleTimeout().toSeconds(), push.absoluteTimeout().toSeconds(), MAX_ACTIVE_REQUESTS,
                recoveryState, recoveryErrorCode);
        write(live, Wire.frame(new Wire.Meta(Wire.CONNECTION_DETAILS, newId(), 200,
                new Wire.Wsc(session.token, ++session.sequence), headers()), details));
    }

    // ---- writing ----------------------------------------------------------------------------------------

    private void reply(Live live, String messageId, int status, Map<String, String> headers, Object body) {
        write(live, Wire.frame(new Wire.Meta(Wire.CLIENT_REQUEST, messageId, status, null, headers), body));
    }

    private void replyError(Live live, String messageId, int status, Wire.ErrorBody error) {
        write(live, Wire.frame(new Wire.Meta(Wire.ERROR, messageId != null ? messageId : newId(), status, null,
                headers()), error));
    }

    /** Writes to a live socket; a failed write is a dropped connection. */
    private boolean write(Live live, String json) {
        try {
            live.socket.send(json);
            return true;
        } catch (IOException | RuntimeException e) {
            lives.remove(live.socket.id());
            detach(live);
            live.socket.abort();
            return false;
        }
    }

    private static void trySend(PushSocket socket, String json) {
        try {
            socket.send(json);
        } catch (IOException | RuntimeException ignored) {
            // the socket is closing anyway
        }
    }

    private void requirePermission(String permission) {
        if (!permissions.has(permission)) {
            Wire.ErrorBody error = missingPermission(permission);
            throw new ApiException(403, error.errorCode(), error.message());
        }
    }

    private static Wire.ErrorBody missingPermission(String permission) {
        return Wire.ErrorBody.of("CMN-401",
                "In order to call this API endpoint, application needs to have [" + permission + "] permission");
    }

    private boolean refusing() {
        return refuseUntil != null && clock.instant().isBefore(refuseUntil);
    }

    private SimulatorSettings.Push push() {
        return settings.current().push();
    }

    private static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RCRequestId", UUID.randomUUID().toString());
        return headers;
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
