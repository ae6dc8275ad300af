package io.ringside.simulator.push;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a {@code wsc} token names: it outlives its socket by {@code recoveryTimeout}, keeping its subscription
 * and buffering what happens meanwhile. Guarded by the hub's lock.
 */
final class WscSession {

    /** A notification kept for the session's replay: the message as it would have gone out. */
    record Buffered(String json, SentNotification info) {
    }

    final String token;
    final WsTokens.Grant grant;
    Subscription subscription;
    long sequence;
    final Deque<Buffered> buffer = new ArrayDeque<>();
    LiveSocket live;
    Instant droppedAt;

    WscSession(String token, WsTokens.Grant grant) {
        this.token = token;
        this.grant = grant;
    }
}
