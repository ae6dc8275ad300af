package io.ringside.simulator.push;

import java.util.Map;

/** Answers to a client's messages: ClientRequest responses and Error messages. Guarded by the hub's lock. */
final class Replies {

    private final Connections connections;

    Replies(Connections connections) {
        this.connections = connections;
    }

    void reply(LiveSocket live, String messageId, int status, Map<String, String> headers, Object body) {
        connections.write(live, Wire.frame(new Wire.Meta(Wire.CLIENT_REQUEST, messageId, status, null, headers),
                body));
    }

    void replyError(LiveSocket live, String messageId, int status, Wire.ErrorBody error) {
        connections.write(live, Wire.frame(new Wire.Meta(Wire.ERROR, messageId != null ? messageId : Frames.newId(),
                status, null, Frames.headers()), error));
    }

    void heartbeat(LiveSocket live, String messageId) {
        connections.write(live, Wire.frame(new Wire.Meta(Wire.HEARTBEAT, messageId, 200, null, null), null));
    }
}
