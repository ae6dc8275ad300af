package io.ringside.adapters.ringcentral;

/**
 * RingCentral's JSON as its API sends it (shapes from RingCentral's OpenAPI spec: TokenInfo,
 * CallLogResponse, PresenceInfoResponse, the OAuth and API error models), including fields
 * Ringside ignores, so the DTOs are tested against the real thing rather than a trimmed copy.
 */
public final class RingCentralJson {

    private RingCentralJson() {
    }

    public static String token(String accessToken, String refreshToken) {
        return """
                {
                  "access_token" : "%s",
                  "token_type" : "bearer",
                  "expires_in" : 3600,
                  "refresh_token" : "%s",
                  "refresh_token_expires_in" : 604800,
                  "scope" : "ReadAccounts ReadCallLog ReadPresence",
                  "owner_id" : "256440016",
                  "endpoint_id" : "8zXq6oaLT7WvwWITlGiA1A",
                  "session_id" : "7315608963424436102",
                  "session_idle_timeout" : 3600
                }
                """.formatted(accessToken, refreshToken);
    }

    public static String oauthError(String error, String errorCode, String description) {
        return """
                {
                  "error" : "%s",
                  "errors" : [ {
                    "errorCode" : "%s",
                    "message" : "%s",
                    "parameters" : [ ]
                  } ],
                  "error_description" : "%s"
                }
                """.formatted(error, errorCode, description, description);
    }

    public static String apiError(String errorCode, String message) {
        return """
                {
                  "errorCode" : "%s",
                  "message" : "%s",
                  "errors" : [ {
                    "errorCode" : "%s",
                    "message" : "%s"
                  } ]
                }
                """.formatted(errorCode, message, errorCode, message);
    }

    /** A call-log record (view=Simple) of an inbound voice call. */
    public static String callLogRecord(String id, String startTime, String result, String fromParty) {
        return """
                {
                  "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/call-log/%1$s?view=Simple",
                  "id" : "%1$s",
                  "sessionId" : "4603366060%1$s",
                  "telephonySessionId" : "s-a0d7a4b3c8f2bz1869b5d1f5cz5d9a%1$s",
                  "startTime" : "%2$s",
                  "duration" : 35,
                  "durationMs" : 35120,
                  "type" : "Voice",
                  "internalType" : "LocalNumber",
                  "direction" : "Inbound",
                  "action" : "Phone Call",
                  "result" : "%3$s",
                  "to" : {
                    "phoneNumber" : "+16505550100",
                    "name" : "Front Desk"
                  },
                  "from" : %4$s,
                  "extension" : {
                    "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/400130234008",
                    "id" : 400130234008
                  },
                  "lastModifiedTime" : "2026-11-22T18:10:00.003Z"
                }
                """.formatted(id, startTime, result, fromParty);
    }

    public static String from(String phoneNumber, String name) {
        return """
                { "phoneNumber" : "%s", "name" : "%s", "location" : "Phoenix, AZ" }""".formatted(phoneNumber, name);
    }

    /** A page of the call log; {@code nextPageUri} null on the last page. */
    public static String callLogPage(int page, String nextPageUri, String... records) {
        String navigation = nextPageUri == null
                ? """
                  { "firstPage" : { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/~/call-log?page=1" } }"""
                : """
                  { "firstPage" : { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/~/call-log?page=1" },
                    "nextPage" : { "uri" : "%s" } }""".formatted(nextPageUri);
        return """
                {
                  "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/call-log?page=%d&perPage=2",
                  "records" : [ %s ],
                  "paging" : { "page" : %d, "perPage" : 2, "pageStart" : 0, "pageEnd" : 1 },
                  "navigation" : %s
                }
                """.formatted(page, String.join(",\n", records), page, navigation);
    }

    public static String activeCall(String id, String from, String fromName, String telephonyStatus, String startTime) {
        String start = startTime == null ? "" : "\"startTime\" : \"" + startTime + "\",";
        return """
                {
                  "id" : "%s",
                  "direction" : "Inbound",
                  "from" : "%s",
                  "fromName" : "%s",
                  "to" : "+16505550100",
                  "toName" : "Front Desk",
                  %s
                  "telephonyStatus" : "%s",
                  "sessionId" : "460337000%s",
                  "telephonySessionId" : "s-a0d7a4b3c8f2bz1869b5d1f5cz5d9b%s",
                  "partyId" : "p-a0d7a4b3c8f2bz1869b5d1f5cz5d9b%s-1",
                  "terminationType" : "final",
                  "queueCall" : false
                }
                """.formatted(id, from, fromName, start, telephonyStatus, id, id, id);
    }

    public static String presence(String telephonyStatus, String... activeCalls) {
        return """
                {
                  "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/400130234008/presence",
                  "extension" : {
                    "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/extension/400130234008",
                    "id" : 400130234008,
                    "extensionNumber" : "101"
                  },
                  "presenceStatus" : "Busy",
                  "telephonyStatus" : "%s",
                  "userStatus" : "Available",
                  "dndStatus" : "TakeAllCalls",
                  "allowSeeMyPresence" : true,
                  "ringOnMonitoredCall" : false,
                  "pickUpCallsOnHold" : false,
                  "activeCalls" : [ %s ]
                }
                """.formatted(telephonyStatus, String.join(",\n", activeCalls));
    }
}
