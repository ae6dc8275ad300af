package io.ringside.simulator;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * A push client as an app would write one with the JDK's WebSocket: every message the server sends
 * lands in a queue, pings, closes and errors are recorded. Messages are {@code [meta, body?]} arrays.
 */
final class PushClient implements AutoCloseable {

    static final String ACCOUNT_SESSIONS = "/restapi/v1.0/account/~/telephony/sessions";
    static final String EXTENSION_SESSIONS = "/restapi/v1.0/account/~/extension/~/telephony/sessions";
    static final String DETAILED_PRESENCE = "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final WebSocket socket;
    private final BlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicReference<Integer> closeCode = new AtomicReference<>();
    private final AtomicReference<Throwable> error = new AtomicReference<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    private PushClient(String uri) {
        Listener listener = new Listener();
        try {
            this.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                    .connectTimeout(WAIT)
                    .buildAsync(URI.create(uri), listener).join();
        } catch (CompletionException e) {
            throw e;
        }
    }

    /** Opens a socket at the wstoken answer's {@code uri} with its token (and a {@code wsc} to recover, or null). */
    static PushClient open(String uri, String wsToken, String wsc) {
        return new PushClient(uri + "?access_token=" + wsToken + (wsc != null ? "&wsc=" + wsc : ""));
    }

    /** The handshake's HTTP status when the server refuses the upgrade. */
    static int refusedHandshakeStatus(String uri, String wsToken) {
        try {
            new PushClient(uri + "?access_token=" + wsToken).close();
            throw new AssertionError("the handshake was accepted");
        } catch (CompletionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                HttpResponse<?> response = refused.getResponse();
                return response.statusCode();
            }
            throw e;
        }
    }

    /** The next message, whatever it is; fails after a few seconds. */
    JsonNode next() {
        try {
            JsonNode message = messages.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + WAIT.toSeconds() + " s");
            }
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The next message of this meta type, skipping others (presence, say). */
    JsonNode next(String type) {
        return next(m -> type.equals(m.get(0).get("type").asString()));
    }

    JsonNode next(Predicate<JsonNode> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode message = next();
            if (wanted.test(message)) {
                return message;
            }
        }
        throw new AssertionError("no matching message within " + WAIT.toSeconds() + " s");
    }

    /** The next telephony-session notification (presence ones skipped). */
    JsonNode nextTelephony() {
        return next(m -> m.get(0).get("type").asString().equals("ServerNotification")
                && m.get(1).get("event").asString().endsWith("/telephony/sessions"));
    }

    /** Nothing arrives for a while (what a client sees when it is not told). */
    List<JsonNode> quietFor(Duration duration) {
        try {
            List<JsonNode> got = new ArrayList<>();
            JsonNode message = messages.poll(duration.toMillis(), TimeUnit.MILLISECONDS);
            if (message != null) {
                got.add(message);
                messages.drainTo(got);
            }
            return got;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends a ClientRequest and returns the reply with the same messageId. */
    JsonNode request(String method, String path, String bodyJson) {
        String id = UUID.randomUUID().toString();
        String meta = "{\"type\":\"ClientRequest\",\"messageId\":\"" + id + "\",\"method\":\"" + method
                + "\",\"path\":\"" + path + "\"}";
        send("[" + meta + (bodyJson != null ? "," + bodyJson : "") + "]");
        return next(m -> id.equals(m.get(0).path("messageId").asString("")));
    }

    JsonNode subscribe(String... filters) {
        StringBuilder list = new StringBuilder();
        for (String filter : filters) {
            list.append(list.isEmpty() ? "" : ",").append('"').append(filter).append('"');
        }
        return request("POST", "/restapi/v1.0/subscription/",
                "{\"eventFilters\":[" + list + "],\"deliveryMode\":{\"transportType\":\"WebSocket\"}}");
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    int pings() {
        return pings.get();
    }

    /** Waits for the connection to end; returns the close code, or null when it ended in an error (a reset). */
    Integer awaitEnd() {
        try {
            if (!ended.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the connection did not end");
            }
            return closeCode.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    boolean endedWithError() {
        return error.get() != null;
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").exceptionally(e -> null);
        }
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            pings.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.set(statusCode);
            ended.countDown();
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public void onError(WebSocket webSocket, Throwable cause) {
            error.set(cause);
            ended.countDown();
        }
    }
}
