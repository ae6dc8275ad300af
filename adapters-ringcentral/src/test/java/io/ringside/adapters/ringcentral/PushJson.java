package io.ringside.adapters.ringcentral;

/**
 * RingCentral's WebSocket messages as its gateway sends them (shapes from RingCentral's developer guide:
 * "Subscribing to events via WebSockets", "Recovering a WebSocket session", "Keeping WebSocket
 * connections alive", the Account Telephony Sessions and Detailed Extension Presence event pages),
 * including fields Ringside ignores.
 */
final class PushJson {

    static final String ACCOUNT_ID = "37439510";
    static final String OWNER_EXTENSION_ID = "62264425016";

    private PushJson() {
    }

    static String wsToken(String wsAccessToken, String uri) {
        return """
                {
                  "ws_access_token" : "%s",
                  "uri" : "%s",
                  "expires_in" : 30
                }
                """.formatted(wsAccessToken, uri);
    }

    /** The gateway's first message; {@code recoveryState} null on a new session. */
    static String connectionDetails(String wscToken, long wscSequence, String recoveryState) {
        return connectionDetails(wscToken, wscSequence, recoveryState, 1800);
    }

    static String connectionDetails(String wscToken, long wscSequence, String recoveryState, long idleTimeoutSeconds) {
        return """
                [ {
                  "type" : "ConnectionDetails",
                  "messageId" : "6dc2ccb0-5e03-4a2d-9a9a-4f3c7d5b9b11",
                  "status" : 200,
                  "headers" : { "RCRequestId" : "9f5b0a4c-4e1f-11ee-9c0e-005056bb1df1" },
                  "wsc" : { "token" : "%s", "sequence" : %d }
                }, {
                  "creationTime" : "2026-11-22T18:30:00.000Z",
                  "maxConnectionsPerSession" : 5,
                  "recoveryBufferSize" : 100,
                  "recoveryTimeout" : 180,
                  "idleTimeout" : %d,
                  "absoluteTimeout" : 86400,
                  "maxActiveRequests" : 10%s
                } ]
                """.formatted(wscToken, wscSequence, idleTimeoutSeconds, recoveryState == null ? "" : ",\n  \"recoveryState\" : \"" + recoveryState + "\"");
    }

    static String subscriptionCreated(String messageId, String eventFilter) {
        return """
                [ {
                  "type" : "ClientRequest",
                  "messageId" : "%s",
                  "status" : 200,
                  "headers" : { "RCRequestId" : "a1b2c3d4-4e1f-11ee-9c0e-005056bb1df1", "Content-Type" : "application/json" }
                }, {
                  "id" : "8b8e0b3b-8f0a-4a5b-8d3e-b3a1e1f0c2d4",
                  "creationTime" : "2026-11-22T18:30:00.512Z",
                  "status" : "Active",
                  "uri" : "https://platform.ringcentral.com/restapi/v1.0/subscription/8b8e0b3b-8f0a-4a5b-8d3e-b3a1e1f0c2d4",
                  "eventFilters" : [ "%s" ],
                  "expirationTime" : "2026-11-23T18:30:00.512Z",
                  "expiresIn" : 86400,
                  "deliveryMode" : { "transportType" : "WebSocket", "encryption" : false }
                } ]
                """.formatted(messageId, eventFilter.replace("~", ACCOUNT_ID));
    }

    static String subscriptionRefused(String messageId, int status, String errorCode, String message, String retryAfter) {
        return """
                [ {
                  "type" : "ClientRequest",
                  "messageId" : "%s",
                  "status" : %d,
                  "headers" : { "RCRequestId" : "b2c3d4e5-4e1f-11ee-9c0e-005056bb1df1"%s }
                }, {
                  "errorCode" : "%s",
                  "message" : "%s",
                  "errors" : [ { "errorCode" : "%s", "message" : "%s" } ]
                } ]
                """.formatted(messageId, status, retryAfter == null ? "" : ", \"Retry-After\" : \"" + retryAfter + "\"",
                errorCode, message, errorCode, message);
    }

    static String heartbeatAnswer(String messageId) {
        return """
                [ { "type" : "Heartbeat", "messageId" : "%s", "status" : 200 } ]
                """.formatted(messageId);
    }

    static String gatewayError(String errorCode, String message) {
        return """
                [ {
                  "type" : "Error",
                  "messageId" : "c3d4e5f6-4e1f-11ee-9c0e-005056bb1df1",
                  "status" : 400,
                  "headers" : { }
                }, {
                  "errorCode" : "%s",
                  "message" : "%s"
                } ]
                """.formatted(errorCode, message);
    }

    /** A party's {@code from}/{@code to}; null fields are left out as RingCentral does. */
    static String end(String phoneNumber, String name, String extensionId, String extensionNumber) {
        StringBuilder json = new StringBuilder("{ ");
        String separator = "";
        for (String[] field : new String[][]{{"phoneNumber", phoneNumber}, {"name", name}, {"extensionId", extensionId},
                {"extensionNumber", extensionNumber}}) {
            if (field[1] != null) {
                json.append(separator).append('"').append(field[0]).append("\" : \"").append(field[1]).append('"');
                separator = ", ";
            }
        }
        return json.append(" }").toString();
    }

    static String party(String partyId, String extensionId, String direction, String from, String to, String statusCode, boolean missed) {
        return """
                {
                  "accountId" : "%s",
                  %s
                  "id" : "%s",
                  "direction" : "%s",
                  "to" : %s,
                  "from" : %s,
                  "status" : { "code" : "%s", "rcc" : false },
                  "missedCall" : %s,
                  "standAlone" : false,
                  "muted" : false
                }""".formatted(ACCOUNT_ID, extensionId == null ? "" : "\"extensionId\" : \"" + extensionId + "\",", partyId, direction,
                to, from, statusCode, missed);
    }

    /** A ServerNotification of the account's telephony sessions, with RingCentral's wsc in the meta. */
    static String telephonySession(String wscToken, long wscSequence, String telephonySessionId, long sequence,
                                   String eventTime, String... parties) {
        return """
                [ {
                  "type" : "ServerNotification",
                  "messageId" : "3476159282417488571",
                  "status" : 200,
                  "headers" : { "RCRequestId" : "d4e5f6a7-4e1f-11ee-9c0e-005056bb1df1" },
                  "wsc" : { "token" : "%s", "sequence" : %d }
                }, {
                  "uuid" : "3476159282417488571",
                  "event" : "/restapi/v1.0/account/%s/telephony/sessions",
                  "timestamp" : "2026-11-22T18:30:01.128Z",
                  "subscriptionId" : "8b8e0b3b-8f0a-4a5b-8d3e-b3a1e1f0c2d4",
                  "ownerId" : "%s",
                  "body" : {
                    "sequence" : %d,
                    "sessionId" : "4503424004",
                    "telephonySessionId" : "%s",
                    "serverId" : "10.13.123.23.TAM",
                    "eventTime" : "%s",
                    "origin" : { "type" : "Call" },
                    "parties" : [ %s ]
                  }
                } ]
                """.formatted(wscToken, wscSequence, ACCOUNT_ID, OWNER_EXTENSION_ID, sequence, telephonySessionId, eventTime,
                String.join(",\n", parties));
    }

    static String activeCall(String id, String from, String fromName, String telephonySessionId, String telephonyStatus) {
        return """
                {
                  "id" : "%s",
                  "direction" : "Inbound",
                  "from" : "%s",
                  "fromName" : "%s",
                  "to" : "+16505550100",
                  "toName" : "Front Desk",
                  "startTime" : "2026-11-22T18:29:58.000Z",
                  "telephonyStatus" : "%s",
                  "sessionId" : "4503424004",
                  "telephonySessionId" : "%s",
                  "partyId" : "p-%s-1"
                }""".formatted(id, from, fromName, telephonyStatus, telephonySessionId, telephonySessionId);
    }

    /** A ServerNotification of the connected extension's detailed presence ({@code extensionId} a number, as RingCentral sends it). */
    static String presence(String wscToken, long wscSequence, long sequence, String telephonyStatus, String... activeCalls) {
        return """
                [ {
                  "type" : "ServerNotification",
                  "messageId" : "3476159282417488572",
                  "status" : 200,
                  "headers" : { },
                  "wsc" : { "token" : "%s", "sequence" : %d }
                }, {
                  "uuid" : "3476159282417488572",
                  "event" : "/restapi/v1.0/account/%s/extension/%s/presence?detailedTelephonyState=true",
                  "timestamp" : "2026-11-22T18:30:02.000Z",
                  "subscriptionId" : "8b8e0b3b-8f0a-4a5b-8d3e-b3a1e1f0c2d4",
                  "ownerId" : "%s",
                  "body" : {
                    "extensionId" : %s,
                    "telephonyStatus" : "%s",
                    "activeCalls" : [ %s ],
                    "sequence" : %d,
                    "presenceStatus" : "Busy",
                    "userStatus" : "Available",
                    "dndStatus" : "TakeAllCalls",
                    "allowSeeMyPresence" : true,
                    "ringOnMonitoredCall" : false,
                    "pickUpCallsOnHold" : false,
                    "totalActiveCalls" : %d
                  }
                } ]
                """.formatted(wscToken, wscSequence, ACCOUNT_ID, OWNER_EXTENSION_ID, OWNER_EXTENSION_ID, OWNER_EXTENSION_ID,
                telephonyStatus, String.join(",\n", activeCalls), sequence, activeCalls.length);
    }
}
