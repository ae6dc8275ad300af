package io.ringside.simulator.push;

import java.io.IOException;

/**
 * One client's WebSocket as the push gateway sees it; the web layer adapts its container's session to
 * this, so the gateway's rules are plain Java. Calls come from one thread at a time (the gateway's lock).
 */
public interface PushSocket {

    /** Unique per socket. */
    String id();

    void send(String text) throws IOException;

    void ping() throws IOException;

    /** A clean close: a close frame with this code and reason. */
    void close(int code, String reason);

    /** A network cut: the TCP connection ends without a close frame. */
    void abort();
}
