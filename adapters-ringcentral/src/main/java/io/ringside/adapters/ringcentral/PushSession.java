package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.PushFrame.Wsc;
import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import io.ringside.adapters.ringcentral.wire.PresenceEventBody;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody;
import io.ringside.adapters.ringcentral.wire.WsTokenResponse;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications.NotificationSession;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallEvent;
import io.ringside.domain.PartyStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One push session: a WebSocket to RingCentral's gateway, kept alive until closed or stopped.
 *
 * <p>Every state change and every listener call runs on the session's own single thread (daemon,
 * {@code ringcentral-push-N}), one task at a time: the socket's callbacks only post what they received
 * there, tagged with the connection they came from, so a late message of a dropped socket is ignored.
 * {@link #close()} waits for a listener call in progress and none starts after it returned (do not call
 * it while holding a lock the listener needs).
 *
 * <p>Never logged: the access token, the WebSocket token (it rides in the socket URI's query, so only the
 * URI's host and path are logged) and the session's wsc token.
 */
final class PushSession implements NotificationSession {

    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    static final String WS_TOKEN_PATH = "/restapi/oauth/wstoken";
    static final String COMPANY_FILTER = "/restapi/v1.0/account/~/telephony/sessions";
    static final String EXTENSION_FILTER = "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";
    /** Auth requests a reconnect leaves unused in the window, so a token refresh (and its one retry) can still go. */
    static final int AUTH_RESERVE = 2;
    /** RingCentral's recovery timeout when ConnectionDetails does not say. */
    static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofSeconds(180);
    /** RingCentral's idle timeout when ConnectionDetails does not say. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(1800);
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
    private final RateLimits rateLimits;
    private final PushEvents events;
    private final Clock clock;
    private final JsonMapper json;
    private final PushBackoff backoff;
    private final AccessTokens tokens;
    private final NotificationListener listener;
    private final ScheduledExecutorService executor;
    private final Runnable onEnd;
    /** Guards listener calls against {@link #close()}: a call runs entirely before or entirely not at all after it. */
    final Object gate = new Object();
    private volatile boolean closed;
    private volatile Thread sessionThread;
    /** The current socket, for close() from another thread. */
    private volatile WebSocket liveSocket;

    // Everything below is touched only on the session's thread.
    private boolean stopped;
    private int generation;
    private WebSocket socket;
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private boolean established;
    private boolean recoveryAttempted;
    private long connectStartedNanos;
    private long lastHeardNanos;
    private long lastSentNanos;
    /** Half of RingCentral's idle timeout (WSG-902 counts only what the client sends): a heartbeat then at the latest. */
    private Duration sendAtLeastEvery = DEFAULT_IDLE_TIMEOUT.dividedBy(2);
    private String heartbeatId;
    private long heartbeatSentNanos;
    private Wsc wsc;
    private Instant lostAt;
    private Duration recoveryTimeout = DEFAULT_RECOVERY_TIMEOUT;
    private int failures;
    private Pending pending;
    private NotificationScope scope;
    private ScheduledFuture<?> reconnect;
    private boolean warnedAboutHost;
    /** Fallback scope: the last known state of each call presence listed, to end those that leave the list. */
    private final Map<String, CallEvent> presenceCalls = new LinkedHashMap<>();
    private long presenceSequence = Long.MIN_VALUE;

    private record Pending(String messageId, NotificationScope scope, long sentNanos) {
    }

    PushSession(int number, RingCentralSettings settings, RingCentralTransport transport, RateLimits rateLimits,
                PushEvents events, Clock clock, JsonMapper json, PushBackoff backoff,
                AccessTokens tokens, NotificationListener listener, Runnable onEnd) {
        this.settings = settings;
        this.transport = transport;
        this.rateLimits = rateLimits;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.backoff = backoff;
        this.tokens = tokens;
        this.listener = listener;
        this.onEnd = onEnd;
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
        Duration period = tickPeriod();
        executor.scheduleWithFixedDelay(() -> guarded("keep-alive check", this::tick), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        post(this::connect);
    }

    @Override
    public void close() {
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
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
        reconnect = null;
        if (isOver()) {
            return;
        }
        WsTokenResponse wsToken;
        try {
            Optional<AccessToken> token = tokens.current();
            if (token.isEmpty()) {
                stop(NOT_CONNECTED);
                return;
            }
            wsToken = requestWsToken(token.get());
        } catch (RingCentralRateLimitedException limited) {
            failed("RingCentral's " + limited.group() + " rate limit is reached; push reconnects after " + limited.until(), limited.until());
            return;
        } catch (RingCentralRejectedException rejected) {
            if (rejected.reason() == RingCentralRejectedException.Reason.MISSING_PERMISSION) {
                stop(NO_WEBSOCKET_PERMISSION);
            } else {
                failed("RingCentral refused the WebSocket token request: " + rejected.getMessage(), null);
            }
            return;
        } catch (AccessTokenRejectedException stillRejected) {
            failed("RingCentral rejected the access token for the WebSocket token twice", null);
            return;
        } catch (RingCentralException unavailable) {
            // While the circuit breaker is open every request fails at once: wait for it rather than knock.
            boolean paused = transport.circuitState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN;
            failed(unavailable.getMessage(), paused ? clock.instant().plus(settings.circuitBreakerOpenDuration()) : null);
            return;
        }
        if (wsToken == null) {
            return; // stopped
        }
        if (wsToken.wsAccessToken() == null || wsToken.wsAccessToken().isBlank() || wsToken.uri() == null || wsToken.uri().isBlank()) {
            failed("RingCentral's WebSocket token answer lacks the token or the gateway address", null);
            return;
        }
        URI gateway;
        try {
            gateway = URI.create(wsToken.uri().strip());
        } catch (IllegalArgumentException notAUri) {
            failed("RingCentral's WebSocket gateway address is not a URI", null);
            return;
        }
        if (gateway.getHost() == null || !("wss".equalsIgnoreCase(gateway.getScheme()) || "ws".equalsIgnoreCase(gateway.getScheme()))) {
            failed("RingCentral's WebSocket gateway address is not a ws:// or wss:// URL", null);
            return;
        }
        warnIfOtherHost(gateway);

        boolean recover = wsc != null && lostAt != null;
        if (recover && Duration.between(lostAt, clock.instant()).compareTo(recoveryTimeout) > 0) {
            log.info("The push connection was down longer than RingCentral's recovery timeout ({} s): starting a new session",
                    recoveryTimeout.toSeconds());
            recover = false;
        }
        if (!recover) {
            wsc = null;
        }
        String query = "access_token=" + encode(wsToken.wsAccessToken()) + (recover ? "&wsc=" + encode(wsc.token()) : "");
        String base = gateway.toString();
        URI withToken = URI.create(base + (gateway.getRawQuery() == null ? "?" : "&") + query);

        int connection = ++generation;
        recoveryAttempted = recover;
        established = false;
        connectStartedNanos = System.nanoTime();
        log.info("Opening the RingCentral push connection to {}{} ({})", gateway.getHost(), gateway.getRawPath() == null ? "" : gateway.getRawPath(),
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

    private WsTokenResponse requestWsToken(AccessToken token) {
        try {
            return transport.postBearer(Operation.WS_TOKEN, WS_TOKEN_PATH, token.value(), WsTokenResponse.class, AUTH_RESERVE);
        } catch (AccessTokenRejectedException rejected) {
            log.info("RingCentral rejected the access token for a WebSocket token ({}); asking for a fresh one", rejected.errorCode());
            Optional<AccessToken> replaced = tokens.replaceRejected(token);
            if (replaced.isEmpty()) {
                stop(NOT_CONNECTED);
                return null;
            }
            return transport.postBearer(Operation.WS_TOKEN, WS_TOKEN_PATH, replaced.get().value(), WsTokenResponse.class, AUTH_RESERVE);
        }
    }

    private void warnIfOtherHost(URI gateway) {
        String configured = settings.baseUrl().getHost();
        if (!warnedAboutHost && !gateway.getHost().equalsIgnoreCase(configured)) {
            warnedAboutHost = true;
            log.warn("RingCentral's WebSocket gateway is on host {}, not on ringcentral.base-url's host {}; connecting to it as "
                    + "RingCentral says (in production it is ws-api.ringcentral.com)", gateway.getHost(), configured);
        }
        if (!warnedAboutHost && "ws".equalsIgnoreCase(gateway.getScheme()) && "https".equalsIgnoreCase(settings.baseUrl().getScheme())) {
            warnedAboutHost = true;
            log.warn("RingCentral's WebSocket gateway on {} is not encrypted (ws://) though ringcentral.base-url is https", gateway.getHost());
        }
    }

    private void opened(int connection, WebSocket webSocket) {
        if (connection != generation || isOver()) {
            webSocket.abort();
            return;
        }
        socket = webSocket;
        liveSocket = webSocket;
        lastSend = CompletableFuture.completedFuture(null);
        lastHeardNanos = System.nanoTime();
        lastSentNanos = lastHeardNanos;
        heartbeatId = null;
        if (closed) {
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
        if (recoveryAttempted) {
            // A refused recovery may be a stale wsc: the next try starts a new session.
            wsc = null;
        }
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
        if (frame.wsc() != null && (wsc == null || frame.is(PushFrame.CONNECTION_DETAILS) || frame.wsc().sequence() > wsc.sequence())) {
            wsc = frame.wsc();
        }
        if (pending != null && pending.messageId().equals(frame.messageId())
                && (frame.is(PushFrame.CLIENT_REQUEST) || frame.is(PushFrame.ERROR))) {
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
        lastHeardNanos = System.nanoTime();
        heartbeatId = null;
    }

    private void connectionDetails(PushFrame frame) {
        JsonNode body = frame.body();
        long timeout = body == null ? 0 : PushFrame.number(body.get("recoveryTimeout")).orElse(0L);
        recoveryTimeout = timeout > 0 ? Duration.ofSeconds(timeout) : DEFAULT_RECOVERY_TIMEOUT;
        long idle = body == null ? 0 : PushFrame.number(body.get("idleTimeout")).orElse(0L);
        sendAtLeastEvery = (idle > 0 ? Duration.ofSeconds(idle) : DEFAULT_IDLE_TIMEOUT).dividedBy(2);
        if (established) {
            log.debug("A second ConnectionDetails on the same push connection");
            return;
        }
        established = true;
        lostAt = null;
        String recoveryState = body == null ? null : PushFrame.text(body.get("recoveryState"));
        if (recoveryAttempted && "Successful".equals(recoveryState) && scope != null) {
            failures = 0;
            log.info("RingCentral push connection recovered; the notifications missed meanwhile follow");
            tell(NotificationListener::onRecovered);
            return;
        }
        if (recoveryAttempted) {
            log.info("RingCentral could not recover the push session (recoveryState {}, {}); subscribing again",
                    recoveryState, body == null ? null : PushFrame.text(body.get("recoveryErrorCode")));
        }
        scope = null;
        forgetPresence();
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
                calls = presence(json.treeToValue(body, PresenceEventBody.class), notifiedAt);
            } else {
                log.debug("Ignored a push notification of {}", event);
                return;
            }
        } catch (JacksonException unreadable) {
            log.warn("Ignored a push notification Ringside cannot read ({})", unreadable.getClass().getSimpleName());
            return;
        }
        for (CallEvent call : calls) {
            tell(target -> target.onCallEvent(call));
        }
    }

    /**
     * Presence lists only the calls active now: a call that was listed and no longer is has ended. When a
     * newer notification lists the calls (or says NoCall) and one is missing, it is reported disconnected.
     */
    private List<CallEvent> presence(PresenceEventBody body, Instant notifiedAt) {
        List<CallEvent> listed = events.fromPresence(body, notifiedAt, clock.instant());
        if (body.sequence() == null || body.extensionId() == null) {
            return listed;
        }
        List<CallEvent> result = new ArrayList<>(listed);
        boolean listsCalls = body.activeCalls() != null || "NoCall".equals(body.telephonyStatus());
        if (body.sequence() > presenceSequence) {
            presenceSequence = body.sequence();
            if (listsCalls) {
                Set<String> present = new HashSet<>();
                listed.forEach(call -> present.add(call.partyId()));
                for (CallEvent known : List.copyOf(presenceCalls.values())) {
                    if (!present.contains(known.partyId())) {
                        presenceCalls.remove(known.partyId());
                        result.add(new CallEvent(known.telephonySessionId(), body.sequence(),
                                notifiedAt != null ? notifiedAt : clock.instant(), known.partyId(), known.direction(), known.from(),
                                known.dialledNumber(), known.extension(), PartyStatus.DISCONNECTED, false));
                    }
                }
            }
            for (CallEvent call : listed) {
                if (call.status().isOver()) {
                    presenceCalls.remove(call.partyId());
                } else {
                    presenceCalls.put(call.partyId(), call);
                }
            }
        }
        return result;
    }

    private void forgetPresence() {
        presenceCalls.clear();
        presenceSequence = Long.MIN_VALUE;
    }

    private void serverError(PushFrame frame) {
        ErrorResponse error = readError(frame.body());
        String code = error == null ? null : error.firstErrorCode();
        String meaning = switch (code == null ? "" : code) {
            case "WSG-902" -> "idle timeout";
            case "WSG-903" -> "absolute timeout";
            default -> "error";
        };
        String reason = "RingCentral's push gateway ended the connection (" + (code == null ? "no code" : code) + ", " + meaning + ")";
        if (!established && recoveryAttempted) {
            wsc = null;
        }
        connectionLost(reason, false);
    }

    // ---- subscribing -------------------------------------------------------------------------------

    private void subscribe(NotificationScope wanted, int connection) {
        if (connection != generation || isOver() || socket == null || !established) {
            return;
        }
        try {
            rateLimits.acquire(Operation.SUBSCRIPTION.group());
        } catch (RingCentralRateLimitedException limited) {
            Duration wait = untilNow(limited.until());
            log.info("The push subscription waits for RingCentral's {} budget until {}", limited.group(), limited.until());
            later(wait, () -> subscribe(wanted, connection));
            return;
        }
        String messageId = UUID.randomUUID().toString();
        pending = new Pending(messageId, wanted, System.nanoTime());
        String filter = wanted == NotificationScope.COMPANY ? COMPANY_FILTER : EXTENSION_FILTER;
        log.debug("Subscribing to {} over the push connection", filter);
        send(PushFrame.subscribeRequest(json, messageId, List.of(filter)));
    }

    private void subscribeReply(PushFrame reply) {
        Pending asked = pending;
        pending = null;
        int status = reply.status() != null ? reply.status() : reply.is(PushFrame.ERROR) ? 400 : 200;
        ErrorResponse error = status >= 300 || reply.is(PushFrame.ERROR) ? readError(reply.body()) : null;
        String code = error == null ? null : error.firstErrorCode();
        if (status >= 200 && status < 300 && !reply.is(PushFrame.ERROR)) {
            scope = asked.scope();
            failures = 0;
            log.info("RingCentral push subscribed: {}", asked.scope() == NotificationScope.COMPANY
                    ? "every extension's calls" : "the connected user's extension only (detailed presence)");
            String limitation = asked.scope() == NotificationScope.COMPANY ? null : NO_CALL_CONTROL;
            tell(target -> target.onSubscribed(asked.scope(), limitation));
            return;
        }
        if (status == 429 || "CMN-301".equals(code)) {
            Duration wait = retryAfter(reply);
            Instant until = clock.instant().plus(wait);
            rateLimits.penalise(Operation.SUBSCRIPTION.group(), until);
            log.warn("RingCentral answered the push subscription with {} ({}): Medium group rate limited until {}; subscribing then",
                    status, code == null ? "no code" : code, until);
            int connection = generation;
            later(wait, () -> subscribe(asked.scope(), connection));
            return;
        }
        if (status == 403 || "CMN-401".equals(code)) {
            if (asked.scope() == NotificationScope.COMPANY) {
                log.warn("RingCentral refused the company's calls to the push subscription ({} {}): the app lacks CallControl; "
                        + "subscribing to the connected user's presence instead", status, code == null ? "no code" : code);
                subscribe(NotificationScope.CONNECTED_EXTENSION, generation);
            } else {
                stop(NO_PUSH_PERMISSION);
            }
            return;
        }
        // Anything else: this session is no good; the next connection starts a new one.
        connectionLost("RingCentral refused the push subscription (HTTP " + status + (code == null ? "" : ", " + code) + ")", true);
    }

    private Duration retryAfter(PushFrame reply) {
        Optional<String> header = reply.header("Retry-After");
        if (header.isPresent()) {
            try {
                long seconds = Long.parseLong(header.get().strip());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException notSeconds) {
                // RingCentral's penalty below
            }
        }
        return settings.retryAfterDefault();
    }

    // ---- keep-alive --------------------------------------------------------------------------------

    private void tick() {
        if (isOver() || socket == null) {
            if (!isOver() && socket == null && reconnect == null && generation > 0 && !established
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
                connectionLost("RingCentral sent no ConnectionDetails within " + handshakeTimeout().toSeconds() + " s", recoveryAttempted);
            }
            return;
        }
        if (pending != null && now - pending.sentNanos() > settings.readTimeout().toNanos()) {
            connectionLost("RingCentral did not answer the push subscription within " + settings.readTimeout().toSeconds() + " s", false);
            return;
        }
        if (heartbeatId != null) {
            if (now - heartbeatSentNanos > settings.pushHeartbeatTimeout().toNanos()) {
                connectionLost("RingCentral did not answer a heartbeat within " + describe(settings.pushHeartbeatTimeout()), false);
            }
            return;
        }
        boolean silent = now - lastHeardNanos >= settings.pushHeartbeatInterval().toNanos();
        // A busy line is never silent, but the gateway ends a connection whose client says nothing for its idle timeout.
        boolean quiet = now - lastSentNanos >= sendAtLeastEvery.toNanos();
        if (silent || quiet) {
            heartbeatId = UUID.randomUUID().toString();
            heartbeatSentNanos = now;
            log.trace("Sending a heartbeat ({})", silent ? "nothing heard from RingCentral for a while" : "before the idle timeout");
            send(PushFrame.heartbeat(json, heartbeatId));
        }
    }

    private Duration handshakeTimeout() {
        return settings.connectTimeout().plus(settings.readTimeout());
    }

    private Duration tickPeriod() {
        long shortest = Math.min(settings.pushHeartbeatInterval().toMillis(), settings.pushHeartbeatTimeout().toMillis());
        return Duration.ofMillis(Math.max(20, Math.min(1000, shortest / 5)));
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
            lostAt = clock.instant();
        }
        established = false;
        pending = null;
        heartbeatId = null;
        if (freshSession) {
            wsc = null;
            scope = null;
        }
        failed(reason, null);
    }

    /** A try failed: tell the listener and try again after the backoff (or the rate limit), whichever is later. */
    private void failed(String reason, Instant notBefore) {
        if (isOver()) {
            return;
        }
        Duration delay = backoff.delay(failures++);
        if (notBefore != null) {
            Duration wait = untilNow(notBefore);
            if (wait.compareTo(delay) > 0) {
                delay = wait;
            }
        }
        log.warn("RingCentral push is down: {}; trying again in {}", reason, describe(delay));
        tell(target -> target.onDown(reason));
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        reconnect = later(delay, this::connect);
    }

    private void stop(String reason) {
        if (isOver()) {
            return;
        }
        stopped = true;
        if (reconnect != null) {
            reconnect.cancel(false);
        }
        WebSocket old = socket;
        socket = null;
        liveSocket = null;
        generation++;
        if (old != null) {
            old.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((ignored, failure) -> old.abort());
        }
        log.warn("RingCentral push stopped: {}", reason);
        tell(target -> target.onStopped(reason));
        executor.shutdown();
        onEnd.run();
    }

    private boolean isOver() {
        return closed || stopped;
    }

    // ---- plumbing ----------------------------------------------------------------------------------

    private void tell(Consumer<NotificationListener> call) {
        synchronized (gate) {
            if (closed) {
                return;
            }
            try {
                call.accept(listener);
            } catch (RuntimeException failure) {
                log.warn("The push listener failed ({}); the session goes on", failure.toString());
            }
        }
    }

    private void send(String text) {
        WebSocket target = socket;
        int connection = generation;
        if (target == null) {
            return;
        }
        lastSentNanos = System.nanoTime();
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

    private ErrorResponse readError(JsonNode body) {
        if (body == null || !body.isObject()) {
            return null;
        }
        try {
            return json.treeToValue(body, ErrorResponse.class);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    private Duration untilNow(Instant until) {
        Duration wait = Duration.between(clock.instant(), until);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
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
