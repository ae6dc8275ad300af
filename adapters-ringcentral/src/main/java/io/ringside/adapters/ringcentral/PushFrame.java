package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One message of RingCentral's WebSocket protocol: a JSON array {@code [meta, body?]}. Meta {@code type}
 * is ConnectionDetails, ClientRequest, ServerNotification, Error or Heartbeat; {@code wsc} carries the
 * session's recovery token and sequence. The wsc token is a secret: this record never prints it.
 *
 * @param messageId the request a reply answers (ClientRequest, Heartbeat, sometimes Error), or null
 * @param status    the HTTP-like status of a reply, or null
 * @param headers   the reply's headers (e.g. {@code Retry-After}), never null
 * @param wsc       the session token and sequence, or null when the message has none
 * @param body      the second element, or null
 */
record PushFrame(String type, String messageId, Integer status, Map<String, String> headers, Wsc wsc, JsonNode body) {

    static final String CONNECTION_DETAILS = "ConnectionDetails";
    static final String CLIENT_REQUEST = "ClientRequest";
    static final String SERVER_NOTIFICATION = "ServerNotification";
    static final String ERROR = "Error";
    static final String HEARTBEAT = "Heartbeat";

    PushFrame {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** The session's recovery token (secret) and the sequence of the last message RingCentral sent. */
    record Wsc(String token, long sequence) {
        @Override
        public String toString() {
            return "Wsc[token=" + Redaction.MASK + ", sequence=" + sequence + "]";
        }
    }

    @Override
    public String toString() {
        return "PushFrame[type=" + type + ", messageId=" + messageId + ", status=" + status + ", wsc=" + wsc + "]";
    }

    boolean is(String kind) {
        return kind.equals(type);
    }

    /**
     * Reads one message, or empty when it is not the protocol's JSON array. A parser's message can quote
     * the text, which may hold a token, so the caller only learns that it failed.
     */
    static Optional<PushFrame> parse(JsonMapper json, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException unreadable) {
            return Optional.empty();
        }
        if (root == null || !root.isArray() || root.isEmpty() || !root.get(0).isObject()) {
            return Optional.empty();
        }
        JsonNode meta = root.get(0);
        String type = text(meta.get("type"));
        if (type == null) {
            return Optional.empty();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        JsonNode headerNode = meta.get("headers");
        if (headerNode != null && headerNode.isObject()) {
            for (Map.Entry<String, JsonNode> header : headerNode.properties()) {
                JsonNode value = header.getValue();
                String first = value.isArray() ? (value.isEmpty() ? null : text(value.get(0))) : text(value);
                if (first != null) {
                    headers.put(header.getKey(), first);
                }
            }
        }
        Wsc wsc = null;
        JsonNode wscNode = meta.get("wsc");
        if (wscNode != null && wscNode.isObject() && text(wscNode.get("token")) != null) {
            wsc = new Wsc(text(wscNode.get("token")), number(wscNode.get("sequence")).orElse(0L));
        }
        JsonNode body = root.size() > 1 && !root.get(1).isNull() ? root.get(1) : null;
        Integer status = number(meta.get("status")).map(Long::intValue).orElse(null);
        return Optional.of(new PushFrame(type, text(meta.get("messageId")), status, headers, wsc, body));
    }

    /** A header of the reply, whatever its case ({@code Retry-After}, {@code retry-after}). */
    Optional<String> header(String name) {
        return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst();
    }

    /** The body read as RingCentral's error answer, or null when it is none. */
    ErrorResponse error(JsonMapper json) {
        if (body == null || !body.isObject()) {
            return null;
        }
        try {
            return json.treeToValue(body, ErrorResponse.class);
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    static String subscribeRequest(JsonMapper json, String messageId, List<String> eventFilters) {
        ArrayNode message = json.createArrayNode();
        ObjectNode meta = message.addObject();
        meta.put("type", CLIENT_REQUEST);
        meta.put("messageId", messageId);
        meta.put("method", "POST");
        meta.put("path", "/restapi/v1.0/subscription/");
        ObjectNode body = message.addObject();
        ArrayNode filters = body.putArray("eventFilters");
        eventFilters.forEach(filters::add);
        body.putObject("deliveryMode").put("transportType", "WebSocket");
        return json.writeValueAsString(message);
    }

    static String heartbeat(JsonMapper json, String messageId) {
        ArrayNode message = json.createArrayNode();
        message.addObject().put("type", HEARTBEAT).put("messageId", messageId);
        return json.writeValueAsString(message);
    }

    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainer()) {
            return null;
        }
        String value = node.asString();
        return value == null || value.isBlank() ? null : value;
    }

    static Optional<Long> number(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (node.isIntegralNumber()) {
            return Optional.of(node.longValue());
        }
        if (node.isString()) {
            try {
                return Optional.of(Long.parseLong(node.stringValue().strip()));
            } catch (NumberFormatException notANumber) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
