package io.ringside.simulator.push;

import java.time.Instant;

/** An open socket and its keep-alive state. Guarded by the hub's lock. */
final class LiveSocket {
    final PushSocket socket;
    final String apiBase;
    final Instant openedAt;
    WscSession session;
    Instant lastClientMessageAt;
    long lastPingNanos = System.nanoTime();
    boolean awaitingPong;

    LiveSocket(PushSocket socket, String apiBase, Instant openedAt) {
        this.socket = socket;
        this.apiBase = apiBase;
        this.openedAt = openedAt;
        this.lastClientMessageAt = openedAt;
    }
}
