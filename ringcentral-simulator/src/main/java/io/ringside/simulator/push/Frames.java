package io.ringside.simulator.push;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** What every outgoing message needs: a fresh message id, the RCRequestId header, a best-effort last send. */
final class Frames {

    private Frames() {
    }

    static Map<String, String> headers() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RCRequestId", UUID.randomUUID().toString());
        return headers;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** Sends to a socket that is closing anyway; a failure is ignored. */
    static void trySend(PushSocket socket, String json) {
        try {
            socket.send(json);
        } catch (IOException | RuntimeException ignored) {
            // the socket is closing anyway
        }
    }
}
