package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import io.ringside.adapters.ringcentral.wire.PresenceEventBody;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications.NotificationSession;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.domain.CallEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One push session: a WebSocket to RingCentral's gateway, kept alive until closed or stopped.
 *
 * <p>Every state change and every listener call runs on the session's own single thread (daemon,
 * {@code ringcentral-push-N}), one task at a time: the socket's callbacks only post what they received
 * there, tagged with the connection they came from, so a late message of a dropped socket is ignored.
 * {@link #close()} waits for a listener call in progress and none starts after it returned (do not call
 * it while holding a lock the listener needs).
 *
 * <p>This class coordinates: it owns the thread, the socket and its connection number, and carries out
 * what its parts decide. The parts, each used only on this thread: {@link PushGateway} (the WebSocket
 * token and the gateway's address), {@link PushSubscription} (the subscription handshake),
 * {@link PushRecovery} (the wsc token and the recovery timeout), {@link PushKeepAlive} (heartbeats and the
 * idle timeout), {@link PushReconnects} (the backoff between tries), {@link PresenceCalls} (the calls of the
 * presence fallback) and {@link ListenerGate} (listener calls against close). They all log under this
 * class's name.
 *
 * <p>Never logged: the access token, the WebSocket token (it rides in the socket URI's query, so only the
 * URI's host and path are logged) and the session's wsc token.
 */
final class PushSession implements NotificationSession {

    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    /** Longest text message accepted; RingCentral's notifications are a few kB. */
    private static final int MAX_MESSAGE_CHARS = 1 << 20;

    static final String NOT_CONNECTED = "RingCentral is not connected, or the connection was ended or revoked: an admin must "
            + "connect RingCentral again. Until then no calls arrive by push.";
    static final String NO_WEBSOCKET_PERMISSION = "RingCentral refuses push notifications to this app: add the "
            + "WebSocketsSubscription permission (and CallControl, to see every extension's calls) to the app in the "
            + "RingCentral Developer Console, then connect RingCentral again. Until then live calls come only from polling "
            + "the connected user's presence and, once calls end, the call log.";
    static final String NO_CALL_CONTROL = "The RingCentral app lacks the CallControl permission, so push shows only the calls "
            + "of the connected user's own extension as they ring; calls ringing at other extensions show only once they end, "
            + "from the call log. Add CallControl to the app in the RingCentral Developer Console and connect RingCentral "
            + "again to see every extension's calls live.";
    static final String NO_PUSH_PERMISSION = "The RingCentral app has neither the CallControl nor the ReadPresence permission, "
            + "so RingCentral has no calls to push: add CallControl (every extension's calls) or at least ReadPresence (the "
            + "connected user's own calls) to the app in the RingCentral Developer Console, then connect RingCentral again.";
    static final String DISABLED = "Push notifications are turned off (ringcentral.push-enabled=false); live calls come from polling.";

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final PushEvents events;
    private final Clock clock;
    private final JsonMapper json;
    private final ScheduledExecutorService executor;
    private final Runnable onEnd;
    /** Guards listener calls against {@link #close()}: a call runs entirely before or entirely not at all after it. */
    final ListenerGate gate;
    private volatile Thread sessionThread;
    /** The current socket, for close() from another thread. */
    private volatile WebSocket liveSocket;

    // Everything below is touched only on the session's thread.
    private final PushGateway gateway;
    private final PushSubscription subscription;
    private final PushRecovery recovery = new PushRecovery();
    private final PushKeepAlive keepAlive;
    private final PushReconnects reconnects;
    private final PresenceCalls presenceCalls;
    private boolean stopped;
    private int generation;
    private WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private boolean established;
    private long connectStartedNanos;

    PushSession(int number, RingCentralSettings settings, RingCentralTransport transport, RateLimits rateLimits,
                PushEvents events, Clock clock, JsonMapper json, PushBackoff backoff,
                AccessTokens tokens, NotificationListener listener, Runnable onEnd) {
        this.settings = settings;
        this.transport = transport;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.onEnd = onEnd;
        this.gate = new ListenerGate(listener);
        this.gateway = new PushGateway(settings, transport, tokens, clock);
        this.subscription = new PushSubscription(settings, rateLimits, clock, json);
        this.keepAlive = new PushKeepAlive(settings);
        this.reconnects = new PushReconnects(backoff, clock);
        this.presenceCalls = new PresenceCalls(events, clock);
        ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "ringcentral-push-" + number);
            thread.setDaemon(true);
            sessionThread = thread;
            return thread;
        });
        // Once stopped, a pending reconnect or retry must not keep the thread alive until it is due.
        pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        pool.setRemoveOnCancelPolicy(true);
        this.executor = pool;
    }

    /** Starts connecting (or, with push turned off, stopping) on the session's thread. */
    void start() {
        if (!settings.pushEnabled()) {
            post(() -> stop(DISABLED));
            return;
        }
        Duration period = PushKeepAlive.tickPeriod(settings);
        executor.scheduleWithFixedDelay(() -> guarded("keep-alive check", this::tick), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        post(this::connect);
    }

    @Override
    public void close() {
        if (!gate.close()) {
            return;
        }
        executor.shutdownNow();
        WebSocket open = liveSocket;
        if (open != null) {
            open.abort();
        }
        if (Thread.currentThread() != sessionThread) {
            try {
                if (!executor.awaitTermination(settings.readTimeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                    log.warn("The RingCentral push thread did not end within {} ms of closing; it sends nothing more",
                            settings.readTimeout().toMillis() + 1000);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        onEnd.run();
        log.info("RingCentral push session closed");
    }

    // ---- connecting --------------------------------------------------------------------------------

    private void connect() {
        reconnects.started();
        if (isOver()) {
            return;
        }
        switch (gateway.ticket()) {
            case PushGateway.Stop stop -> stop(stop.reason());
            case PushGateway.Retry retry -> failed(retry.reason(), retry.notBefore());
            case PushGateway.Open open -> open(open.gateway(), open.wsToken());
        }
    }

    private void open(URI address, String wsToken) {
        String wscToken = recovery.begin(clock.instant());
        boolean recover = wscToken != null;
        URI withToken = PushGateway.socketUri(address, wsToken, wscToken);

        int connection = ++generation;
        established = false;
        connectStartedNanos = System.nanoTime();
        log.info("Opening the RingCentral push connection to {}{} ({})", address.getHost(), address.getRawPath() == null ? "" : address.getRawPath(),
                recover ? "recovering the session" : "new session");
        CompletableFuture<WebSocket> opening;
        try {
            opening = transport.openWebSocket(withToken, new SocketListener(connection));
        } catch (IllegalArgumentException | IllegalStateException refused) {
            failed("The push connection could not be opened (" + refused.getClass().getSimpleName() + ")", null);
            return;
        }
        opening.whenComplete((webSocket, failure) -> {
            if (failure != null) {
                post(() -> openFailed(connection, failure));
            }
        });
    }

    private void opened(int connection, WebSocket webSocket) {
        if (connection != generation || isOver()) {
            webSocket.abort();
            return;
        }
        socket = webSocket;
        liveSocket = webSocket;
        lastSend = CompletableFuture.completedFuture(null);
        keepAlive.opened(System.nanoTime());
        if (gate.isClosed()) {
            webSocket.abort();
        }
    }

    private void openFailed(int connection, Throwable failure) {
        if (connection != generation || isOver()) {
            return;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        String reason;
        if (cause instanceof WebSocketHandshakeException handshake) {
            reason = "RingCentral's WebSocket gateway refused the connection (HTTP " + handshake.getResponse().statusCode() + ")";
        } else {
            reason = "The push connection could not be opened (" + cause.getClass().getSimpleName() + ")";
        }
        // A refused recovery may be a stale wsc: the next try starts a new session.
        recovery.refused();
        failed(reason, null);
    }

    // ---- receiving ---------------------------------------------------------------------------------

    private void received(int connection, String text) {
        if (connection != generation || isOver()) {
            return;
        }
        heard(connection);
        Optional<PushFrame> parsed = PushFrame.parse(json, text);
        if (parsed.isEmpty()) {
            log.warn("Ignored a push message that is not RingCentral's [meta, body] JSON ({} characters)", text.length());
            return;
        }
        PushFrame frame = parsed.get();
        recovery.track(frame);
        if (subscription.answers(frame)) {
            subscribeReply(frame);
            return;
        }
        switch (frame.type()) {
            case PushFrame.CONNECTION_DETAILS -> connectionDetails(frame);
            case PushFrame.SERVER_NOTIFICATION -> notification(frame);
            case PushFrame.ERROR -> serverError(frame);
            case PushFrame.HEARTBEAT -> log.trace("RingCentral answered a heartbeat");
            default -> log.debug("Ignored a push message of type {}", frame.type());
        }
    }

    private void heard(int connection) {
        if (connection != generation) {
            return;
        }
        keepAlive.heard(System.nanoTime());
    }

    private void connectionDetails(PushFrame frame) {
        JsonNode body = frame.body();
        recovery.timeout(body == null ? 0 : PushFrame.number(body.get("recoveryTimeout")).orElse(0L));
        keepAlive.idleTimeout(body == null ? 0 : PushFrame.number(body.get("idleTimeout")).orElse(0L));
        if (established) {
            log.debug("A second ConnectionDetails on the same push connection");
            return;
        }
        established = true;
        recovery.established();
        String recoveryState = body == null ? null : PushFrame.text(body.get("recoveryState"));
        if (recovery.attempted() && "Successful".equals(recoveryState) && subscription.isSubscribed()) {
            reconnects.succeeded();
            log.info("RingCentral push connection recovered; the notifications missed meanwhile follow");
            gate.tell(NotificationListener::onRecovered);
            return;
        }
        if (recovery.attempted()) {
            log.info("RingCentral could not recover the push session (recoveryState {}, {}); subscribing again",
                    recoveryState, body == null ? null : PushFrame.text(body.get("recoveryErrorCode")));
        }
        subscription.newSession();
        presenceCalls.forget();
        subscribe(NotificationScope.COMPANY, generation);
    }

    private void notification(PushFrame frame) {
        JsonNode envelope = frame.body();
        if (envelope == null || !envelope.isObject()) {
            log.debug("Ignored a push notification without a body");
            return;
        }
        String event = PushFrame.text(envelope.get("event"));
        JsonNode body = envelope.get("body");
        if (body == null || !body.isObject()) {
            log.debug("Ignored a push notification of {} without a body", event);
            return;
        }
        Instant notifiedAt = PushEvents.instant(PushFrame.text(envelope.get("timestamp"))).orElse(null);
        List<CallEvent> calls;
        try {
            if ((event != null && event.contains("/telephony/sessions")) || (event == null && body.has("parties"))) {
                calls = events.fromTelephonySession(json.treeToValue(body, TelephonySessionBody.class), notifiedAt, clock.instant());
            } else if ((event != null && event.contains("/presence")) || (event == null && body.has("activeCalls"))) {
                calls = presenceCalls.update(json.treeToValue(body, PresenceEventBody.class), notifiedAt);
            } else {
                log.debug("Ignored a push notification of {}", event);
                return;
            }
        } catch (JacksonException unreadable) {
            log.warn("Ignored a push notification Ringside cannot read ({})", unreadable.getClass().getSimpleName());
            return;
        }
        for (CallEvent call : calls) {
            gate.tell(target -> target.onCallEvent(call));
        }
    }

    private void serverError(PushFrame frame) {
        ErrorResponse error = frame.error(json);
        String code = error == null ? null : error.firstErrorCode();
        String meaning = switch (code == null ? "" : code) {
            case "WSG-902" -> "idle timeout";
            case "WSG-903" -> "absolute timeout";
            default -> "error";
        };
        String reason = "RingCentral's push gateway ended the connection (" + (code == null ? "no code" : code) + ", " + meaning + ")";
        if (!established) {
            recovery.refused();
        }
        connectionLost(reason, false);
    }

    // ---- subscribing -------------------------------------------------------------------------------

    private void subscribe(NotificationScope wanted, int connection) {
        if (connection != generation || isOver() || socket == null || !established) {
            return;
        }
        switch (subscription.request(wanted)) {
            case PushSubscription.Wait wait -> later(wait.delay(), () -> subscribe(wanted, connection));
            case PushSubscription.Send request -> send(request.message());
        }
    }

    private void subscribeReply(PushFrame reply) {
        switch (subscription.reply(reply)) {
            case PushSubscription.Subscribed subscribed -> {
                reconnects.succeeded();
                NotificationScope scope = subscribed.scope();
                String limitation = scope == NotificationScope.COMPANY ? null : NO_CALL_CONTROL;
                gate.tell(target -> target.onSubscribed(scope, limitation));
            }
            case PushSubscription.RateLimited limited -> {
                int connection = generation;
                later(limited.delay(), () -> subscribe(limited.scope(), connection));
            }
            case PushSubscription.FallBack fallBack -> subscribe(NotificationScope.CONNECTED_EXTENSION, generation);
            case PushSubscription.NoPermission none -> stop(NO_PUSH_PERMISSION);
            case PushSubscription.Refused refused -> connectionLost(refused.reason(), true);
        }
    }

    // ---- keep-alive --------------------------------------------------------------------------------

    private void tick() {
        if (isOver() || socket == null) {
            if (!isOver() && socket == null && !reconnects.isScheduled() && generation > 0 && !established
                    && System.nanoTime() - connectStartedNanos > handshakeTimeout().toNanos()) {
                // Opening hangs beyond the connect timeout: treat it as failed.
                int stuck = generation;
                generation++;
                log.debug("Push connection {} did not open in time", stuck);
                failed("The push connection did not open within " + handshakeTimeout().toSeconds() + " s", null);
            }
            return;
        }
        long now = System.nanoTime();
        if (!established) {
            if (now - connectStartedNanos > handshakeTimeout().toNanos()) {
                connectionLost("RingCentral sent no ConnectionDetails within " + handshakeTimeout().toSeconds() + " s", recovery.attempted());
            }
            return;
        }
        if (subscription.overdue(now)) {
            connectionLost("RingCentral did not answer the push subscription within " + settings.readTimeout().toSeconds() + " s", false);
            return;
        }
        switch (keepAlive.due(now)) {
            case HEARTBEAT_OVERDUE ->
                    connectionLost("RingCentral did not answer a heartbeat within " + describe(settings.pushHeartbeatTimeout()), false);
            case HEARTBEAT -> send(PushFrame.heartbeat(json, keepAlive.heartbeatId()));
            case NOTHING -> {
            }
        }
    }

    private Duration handshakeTimeout() {
        return settings.connectTimeout().plus(settings.readTimeout());
    }

    // ---- losing, failing, stopping -----------------------------------------------------------------

    /** The socket (open or opening) is given up: say so, and reconnect after the backoff. */
    private void connectionLost(String reason, boolean freshSession) {
        WebSocket old = socket;
        socket = null;
        liveSocket = null;
        generation++;
        if (old != null) {
            old.abort();
        }
        if (established) {
            recovery.lost(clock.instant());
        }
        established = false;
        subscription.connectionLost();
        keepAlive.lost();
        if (freshSession) {
            recovery.forget();
            subscription.newSession();
        }
        failed(reason, null);
    }

    /** A try failed: tell the listener and try again after the backoff (or the rate limit), whichever is later. */
    private void failed(String reason, Instant notBefore) {
        if (isOver()) {
            return;
        }
        Duration delay = reconnects.delayAfterFailure(notBefore);
        log.warn("RingCentral push is down: {}; trying again in {}", reason, describe(delay));
        gate.tell(target -> target.onDown(reason));
        reconnects.cancel();
        reconnects.scheduled(later(delay, this::connect));
    }

    private void stop(String reason) {
        if (isOver()) {
            return;
        }
        stopped = true;
        reconnects.cancel();
        WebSocket old = socket;
        socket = null;
        liveSocket = null;
        generation++;
        if (old != null) {
            old.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ignored, failure) -> old.abort());
        }
        log.warn("RingCentral push stopped: {}", reason);
        gate.tell(target -> target.onStopped(reason));
        executor.shutdown();
        onEnd.run();
    }

    private boolean isOver() {
        return gate.isClosed() || stopped;
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private void send(String text) {
        WebSocket target = socket;
        int connection = generation;
        if (target == null) {
            return;
        }
        keepAlive.sent(System.nanoTime());
        lastSend = lastSend.handle((ignored, failure) -> null)
                .thenCompose(ignored -> target.sendText(text, true))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        post(() -> {
                            if (connection == generation && !isOver()) {
                                connectionLost("Sending to RingCentral's push gateway failed (" + rootName(failure) + ")", false);
                            }
                        });
                    }
                });
    }

    private ScheduledFuture<?> later(Duration delay, Runnable task) {
        try {
            return executor.schedule(() -> guarded("scheduled step", task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException over) {
            return null;
        }
    }

    private void post(Runnable task) {
        post(task, () -> {
        });
    }

    private void post(Runnable task, Runnable whenRejected) {
        try {
            executor.execute(() -> guarded("step", task));
        } catch (RejectedExecutionException over) {
            whenRejected.run();
        }
    }

    private void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException bug) {
            log.error("RingCentral push {} failed unexpectedly ({}); reconnecting", what, bug.getClass().getName(), bug);
            if (!isOver()) {
                try {
                    connectionLost("unexpected " + bug.getClass().getSimpleName() + " in the push client", true);
                } catch (RuntimeException again) {
                    log.error("RingCentral push could not recover from {}", again.getClass().getName());
                }
            }
        }
    }

    /** How long until {@code until} by the clock, never negative. */
    static Duration untilNow(Clock clock, Instant until) {
        Duration wait = Duration.between(clock.instant(), until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static String rootName(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName();
    }

    private static String describe(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** The JDK's WebSocket calls these one at a time per socket; each only hands its news to the session's thread. */
    private final class SocketListener implements WebSocket.Listener {

        private final int connection;
        private final StringBuilder parts = new StringBuilder();
        private boolean oversized;

        SocketListener(int connection) {
            this.connection = connection;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            // Posted before asking for the first message, so it runs before any message is handled.
            post(() -> opened(connection, webSocket), webSocket::abort);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (!oversized) {
                parts.append(data);
                if (parts.length() > MAX_MESSAGE_CHARS) {
                    oversized = true;
                    parts.setLength(0);
                }
            }
            if (last) {
                if (oversized) {
                    oversized = false;
                    post(() -> {
                        if (connection == generation) {
                            log.warn("Ignored a push message longer than {} characters", MAX_MESSAGE_CHARS);
                        }
                    });
                } else {
                    String text = parts.toString();
                    parts.setLength(0);
                    post(() -> received(connection, text));
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            webSocket.request(1);
            return null;
        }

        /** The JDK has already answered with a pong (it does so by itself, before calling this); a ping is a sign of life. */
        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            post(() -> heard(connection));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            post(() -> heard(connection));
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            post(() -> {
                if (connection == generation && !isOver()) {
                    connectionLost("RingCentral closed the push connection (close code " + statusCode + ")", false);
                }
            });
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            post(() -> {
                if (connection == generation && !isOver()) {
                    connectionLost("The push connection failed (" + rootName(error) + ")", false);
                }
            });
        }
    }
}
