package io.ringside.simulator.push;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The gateway's messages as RingCentral frames them: every message a JSON array {@code [meta, body?]},
 * meta {@code type} one of ConnectionDetails, ClientRequest, ServerNotification, Error, Heartbeat.
 */
final class Wire {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Notifications and subscriptions: {@code 2016-03-10T18:07:52.534Z}. */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    /** ConnectionDetails' {@code creationTime} as RingCentral's sample shows it: {@code 2020-09-07T21:50:02.737+0000}. */
    private static final DateTimeFormatter CONNECTION_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ").withZone(ZoneOffset.UTC);

    private Wire() {
    }

    static final String CONNECTION_DETAILS = "ConnectionDetails";
    static final String CLIENT_REQUEST = "ClientRequest";
    static final String SERVER_NOTIFICATION = "ServerNotification";
    static final String ERROR = "Error";
    static final String HEARTBEAT = "Heartbeat";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Meta(String type, String messageId, Integer status, Wsc wsc, Map<String, String> headers) {
    }

    record Wsc(String token, long sequence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ConnectionDetails(String creationTime, int maxConnectionsPerSession, int recoveryBufferSize,
                             long recoveryTimeout, long idleTimeout, long absoluteTimeout, int maxActiveRequests,
                             String recoveryState, String recoveryErrorCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorItem(String errorCode, String message, String parameterName) {
    }

    /** RingCentral's REST error body: {@code {errorCode, message, errors:[…]}}. */
    record ErrorBody(String errorCode, String message, List<ErrorItem> errors) {

        static ErrorBody of(String errorCode, String message) {
            return of(errorCode, message, null);
        }

        static ErrorBody of(String errorCode, String message, String parameterName) {
            return new ErrorBody(errorCode, message, List.of(new ErrorItem(errorCode, message, parameterName)));
        }
    }

    /** What a notification carries, whatever the filter: RingCentral's event envelope. */
    record Notification(String uuid, String event, String timestamp, String subscriptionId, String ownerId,
                        Object body) {
    }

    record DeliveryMode(String transportType, boolean encryption) {
    }

    /** {@code SubscriptionInfo}: what POST /restapi/v1.0/subscription answers. */
    record SubscriptionInfo(String uri, String id, String creationTime, String status, List<String> eventFilters,
                            String expirationTime, long expiresIn, DeliveryMode deliveryMode) {
    }

    static String frame(Meta meta, Object body) {
        List<Object> message = new ArrayList<>(2);
        message.add(meta);
        if (body != null) {
            message.add(body);
        }
        return JSON.writeValueAsString(message);
    }

    static JsonNode parse(String text) {
        return JSON.readTree(text);
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        return JSON.treeToValue(node, type);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }

    static String connectionTime(Instant instant) {
        return CONNECTION_TIME.format(instant);
    }
}
