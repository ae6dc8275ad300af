package io.ringside.simulator.push;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.time.Clock;

/**
 * A text from the client: parsed and dispatched, Heartbeat answered, ClientRequest handed to the subscription
 * API, anything else answered with an Error. Guarded by the hub's lock.
 */
final class ClientMessages {

    private final Clock clock;
    private final Replies replies;
    private final SubscriptionRequests subscriptions;

    ClientMessages(Clock clock, Replies replies, SubscriptionRequests subscriptions) {
        this.clock = clock;
        this.replies = replies;
        this.subscriptions = subscriptions;
    }

    void received(LiveSocket live, String text) {
        live.lastClientMessageAt = clock.instant();
        JsonNode message;
        try {
            message = Wire.parse(text);
        } catch (JacksonException notJson) {
            replies.replyError(live, null, 400, Wire.ErrorBody.of("CMN-101", "Parameter [message] value is invalid"));
            return;
        }
        JsonNode meta = message.isArray() && !message.isEmpty() ? message.get(0) : null;
        if (meta == null || !meta.isObject()) {
            replies.replyError(live, null, 400, Wire.ErrorBody.of("CMN-101", "Parameter [message] value is invalid"));
            return;
        }
        String type = text(meta, "type");
        String messageId = text(meta, "messageId");
        JsonNode body = message.size() > 1 ? message.get(1) : null;
        if (Wire.HEARTBEAT.equals(type)) {
            replies.heartbeat(live, messageId);
        } else if (Wire.CLIENT_REQUEST.equals(type)) {
            subscriptions.request(live, messageId, text(meta, "method"), text(meta, "path"), body);
        } else {
            replies.replyError(live, messageId, 400,
                    Wire.ErrorBody.of("CMN-101", "Parameter [type] value is invalid", "type"));
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
