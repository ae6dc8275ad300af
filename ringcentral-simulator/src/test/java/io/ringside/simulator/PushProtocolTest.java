package io.ringside.simulator;

import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.push.SentNotification;
import io.ringside.simulator.settings.SimulatorSettings;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;

import static io.ringside.simulator.PlatformClient.json;
import static io.ringside.simulator.PushClient.ACCOUNT_SESSIONS;
import static io.ringside.simulator.PushClient.DETAILED_PRESENCE;
import static io.ringside.simulator.PushClient.EXTENSION_SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/** The gateway's protocol as a client sees it: wstoken, ConnectionDetails, subscribe, notifications, heartbeat. */
class PushProtocolTest extends PushTestBase {

    private static final String JORDAN_103 = "62264425003";
    private static final String CONNECTED_101 = "62264425001";

    @Test
    void wstokenAnswersASingleUseTokenAndTheSocketUriUnderThePrefix() {
        HttpResponse<String> response = client.wsToken(accessToken);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode token = json(response);
        assertThat(token.get("ws_access_token").asString()).hasSizeGreaterThan(20);
        assertThat(token.get("uri").asString()).isEqualTo("ws://localhost:" + port + "/simulator/ws");
        assertThat(token.get("expires_in").asInt()).isEqualTo(30);
        assertThat(response.headers().firstValue("X-Rate-Limit-Group")).hasValue("Auth");
        assertThat(platform.requestCounts().path("POST /restapi/oauth/wstoken")).isEqualTo(1);
    }

    @Test
    void wstokenNeedsABearerToken() {
        HttpResponse<String> response = client.wsToken(null);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void wstokenWithoutTheWebSocketsSubscriptionPermissionIs403() {
        platform.revokePermission(AppPermissions.WEB_SOCKETS_SUBSCRIPTION);

        HttpResponse<String> response = client.wsToken(accessToken);

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode error = json(response);
        assertThat(error.get("errorCode").asString()).isEqualTo("CMN-401");
        assertThat(error.get("message").asString()).isEqualTo(
                "In order to call this API endpoint, application needs to have [WebSocketsSubscription] permission");
        assertThat(error.get("errors").get(0).get("errorCode").asString()).isEqualTo("CMN-401");
    }

    @Test
    void theTokensScopeListsThePushPermissions() {
        JsonNode token = client.connect();

        assertThat(token.get("scope").asString().split(" "))
                .contains("CallControl", "WebSocketsSubscription", "ReadPresence", "ReadCallLog");
    }

    @Test
    void theFirstMessageIsConnectionDetailsWithAWscToken() {
        PushClient socket = openSocket();

        JsonNode details = socket.next();

        JsonNode meta = details.get(0);
        assertThat(meta.get("type").asString()).isEqualTo("ConnectionDetails");
        assertThat(meta.get("status").asInt()).isEqualTo(200);
        assertThat(meta.get("wsc").get("token").asString()).isNotBlank();
        assertThat(meta.get("wsc").get("sequence").asLong()).isEqualTo(1);
        JsonNode body = details.get(1);
        assertThat(body.get("recoveryTimeout").asInt()).isEqualTo(180);
        assertThat(body.get("recoveryBufferSize").asInt()).isEqualTo(100);
        assertThat(body.get("idleTimeout").asInt()).isEqualTo(1800);
        assertThat(body.get("absoluteTimeout").asInt()).isEqualTo(86400);
        assertThat(body.get("maxActiveRequests").asInt()).isEqualTo(10);
        assertThat(body.has("recoveryState")).isFalse();
        assertThat(platform.pushStats().socketsOpened()).isEqualTo(1);
    }

    @Test
    void aSubscriptionIsAnsweredWithTheSameMessageIdAndRealIdsInItsFilters() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        JsonNode reply = socket.subscribe(ACCOUNT_SESSIONS, DETAILED_PRESENCE);

        JsonNode meta = reply.get(0);
        assertThat(meta.get("type").asString()).isEqualTo("ClientRequest");
        assertThat(meta.get("status").asInt()).isEqualTo(200);
        assertThat(meta.get("headers").get("X-Rate-Limit-Group").asString()).isEqualTo("Medium");
        JsonNode subscription = reply.get(1);
        assertThat(subscription.get("id").asString()).isNotBlank();
        assertThat(subscription.get("status").asString()).isEqualTo("Active");
        assertThat(subscription.get("deliveryMode").get("transportType").asString()).isEqualTo("WebSocket");
        assertThat(subscription.get("eventFilters").valueStream().map(JsonNode::asString).toList()).containsExactly(
                "/restapi/v1.0/account/37439510/telephony/sessions",
                "/restapi/v1.0/account/37439510/extension/" + CONNECTED_101 + "/presence?detailedTelephonyState=true");
        assertThat(subscription.get("expiresIn").asInt()).isPositive();
        assertThat(subscription.get("uri").asString())
                .isEqualTo("http://localhost:" + port + "/simulator/restapi/v1.0/subscription/"
                        + subscription.get("id").asString());
        assertThat(platform.requestCounts().group(ThrottlingGroup.MEDIUM)).isEqualTo(1);
        assertThat(platform.pushStats().subscriptionsCreated()).isEqualTo(1);
    }

    @Test
    void aCallAtExtension103RingsIsAnsweredAndEndsAsThreeTelephonyEvents() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);

        String call = platform.startRingingCall("+16025551234", "Maria Garcia", "103");
        JsonNode ringing = socket.nextTelephony();
        platform.answer(call);
        JsonNode answered = socket.nextTelephony();
        platform.end(call);
        JsonNode ended = socket.nextTelephony();

        JsonNode meta = ringing.get(0);
        assertThat(meta.get("type").asString()).isEqualTo("ServerNotification");
        assertThat(meta.get("wsc").get("sequence").asLong()).isGreaterThan(1);
        JsonNode envelope = ringing.get(1);
        assertThat(envelope.get("event").asString()).isEqualTo("/restapi/v1.0/account/37439510/telephony/sessions");
        assertThat(envelope.get("ownerId").asString()).isEqualTo(CONNECTED_101);
        assertThat(envelope.get("uuid").asString()).isNotBlank();
        assertThat(envelope.get("timestamp").asString()).endsWith("Z");
        JsonNode body = envelope.get("body");
        assertThat(body.get("telephonySessionId").asString()).isEqualTo(platform.call(call).telephonySessionId());
        assertThat(body.get("sessionId").asString()).isEqualTo(platform.call(call).sessionId());
        assertThat(body.get("serverId").asString()).isNotBlank();
        assertThat(body.get("origin").get("type").asString()).isEqualTo("Call");
        JsonNode party = body.get("parties").get(0);
        assertThat(party.get("accountId").asString()).isEqualTo("37439510");
        assertThat(party.get("extensionId").asString()).isEqualTo(JORDAN_103);
        assertThat(party.get("direction").asString()).isEqualTo("Inbound");
        assertThat(party.get("from").get("phoneNumber").asString()).isEqualTo("+16025551234");
        assertThat(party.get("from").get("name").asString()).isEqualTo("Maria Garcia");
        assertThat(party.get("to").get("phoneNumber").asString()).isEqualTo("+16505550103");
        assertThat(party.get("to").get("name").asString()).isEqualTo("Jordan Lee");
        assertThat(party.get("to").get("extensionId").asString()).isEqualTo(JORDAN_103);
        assertThat(party.get("missedCall").asBoolean()).isFalse();

        assertThat(statusOf(ringing)).isEqualTo("Proceeding");
        assertThat(statusOf(answered)).isEqualTo("Answered");
        assertThat(statusOf(ended)).isEqualTo("Disconnected");
        assertThat(List.of(sequenceOf(ringing), sequenceOf(answered), sequenceOf(ended))).containsExactly(1L, 2L, 3L);
        assertThat(ended.get(1).get("body").get("parties").get(0).get("missedCall").asBoolean()).isFalse();
    }

    @Test
    void aCallThatOnlyRangIsDisconnectedAndMissed() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String call = platform.startRingingCall("+16025551234", null, "102");
        socket.nextTelephony();

        platform.end(call);

        JsonNode ended = socket.nextTelephony();
        assertThat(statusOf(ended)).isEqualTo("Disconnected");
        assertThat(ended.get(1).get("body").get("parties").get(0).get("missedCall").asBoolean()).isTrue();
    }

    @Test
    void holdAndVoicemailHaveTheirOwnCodes() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String held = platform.startRingingCall("+16025551234", null, "103");
        platform.answer(held);
        platform.hold(held);
        String toVoicemail = platform.startRingingCall("+12125550147", null, "103");
        platform.sendToVoicemail(toVoicemail);

        List<String> codes = List.of(statusOf(socket.nextTelephony()), statusOf(socket.nextTelephony()),
                statusOf(socket.nextTelephony()), statusOf(socket.nextTelephony()), statusOf(socket.nextTelephony()),
                statusOf(socket.nextTelephony()));

        assertThat(codes).containsExactly("Proceeding", "Answered", "Hold", "Proceeding", "VoiceMail", "Disconnected");
    }

    @Test
    void anInternalCallerShowsItsExtensionNumberAndId() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);

        platform.startRingingCall("102", null, "103");

        JsonNode from = socket.nextTelephony().get(1).get("body").get("parties").get(0).get("from");
        assertThat(from.get("phoneNumber").asString()).isEqualTo("102");
        assertThat(from.get("name").asString()).isEqualTo("Sam Rivera");
        assertThat(from.get("extensionId").asString()).isEqualTo("62264425002");
    }

    @Test
    void theExtensionFilterSeesOnlyTheConnectedUsersCalls() {
        PushClient socket = subscribedSocket(EXTENSION_SESSIONS);

        platform.startRingingCall("+16025551234", null, "103");
        String mine = platform.startRingingCall("+12125550147", null, "101");

        JsonNode event = socket.nextTelephony();
        assertThat(event.get(1).get("body").get("telephonySessionId").asString())
                .isEqualTo(platform.call(mine).telephonySessionId());
        assertThat(event.get(1).get("event").asString())
                .isEqualTo("/restapi/v1.0/account/37439510/extension/" + CONNECTED_101 + "/telephony/sessions");
        assertThat(socket.quietFor(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void theDetailedPresenceFilterCarriesActiveCallsOfTheConnectedUserOnly() {
        PushClient socket = subscribedSocket(DETAILED_PRESENCE);

        platform.startRingingCall("+16025551234", null, "103");
        String mine = platform.startRingingCall("+12125550147", "Dan Whitfield", "101");

        JsonNode presence = socket.next("ServerNotification");
        assertThat(presence.get(1).get("event").asString()).isEqualTo(
                "/restapi/v1.0/account/37439510/extension/" + CONNECTED_101 + "/presence?detailedTelephonyState=true");
        JsonNode body = presence.get(1).get("body");
        assertThat(body.get("extensionId").asString()).isEqualTo(CONNECTED_101);
        assertThat(body.get("telephonyStatus").asString()).isEqualTo("Ringing");
        assertThat(body.get("presenceStatus").asString()).isEqualTo("Busy");
        assertThat(body.get("sequence").asLong()).isEqualTo(1);
        JsonNode active = body.get("activeCalls").get(0);
        assertThat(active.get("from").asString()).isEqualTo("+12125550147");
        assertThat(active.get("fromName").asString()).isEqualTo("Dan Whitfield");
        assertThat(active.get("telephonySessionId").asString()).isEqualTo(platform.call(mine).telephonySessionId());

        platform.end(mine);
        JsonNode after = socket.next("ServerNotification").get(1).get("body");
        assertThat(after.get("telephonyStatus").asString()).isEqualTo("NoCall");
        assertThat(after.get("activeCalls").get(0).get("telephonyStatus").asString()).isEqualTo("NoCall");
        assertThat(after.get("activeCalls").get(0).get("terminationType").asString()).isEqualTo("final");
        assertThat(after.get("sequence").asLong()).isEqualTo(2);
    }

    @Test
    void thePlainPresenceFilterLeavesActiveCallsOut() {
        PushClient socket = subscribedSocket("/restapi/v1.0/account/~/extension/~/presence");

        platform.startRingingCall("+12125550147", null, "101");

        JsonNode presence = socket.next("ServerNotification").get(1);
        assertThat(presence.get("event").asString())
                .isEqualTo("/restapi/v1.0/account/37439510/extension/" + CONNECTED_101 + "/presence");
        assertThat(presence.get("body").get("telephonyStatus").asString()).isEqualTo("Ringing");
        assertThat(presence.get("body").has("activeCalls")).isFalse();
    }

    @Test
    void withoutReadPresenceThePresenceFilterIs403() {
        platform.revokePermission(AppPermissions.READ_PRESENCE);
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        JsonNode reply = socket.subscribe(DETAILED_PRESENCE);

        assertThat(reply.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(reply.get(1).get("message").asString()).contains("[ReadPresence]");
    }

    @Test
    void theSubscriptionCanBeReadAndDeletedOverTheSocket() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");
        String id = socket.subscribe(ACCOUNT_SESSIONS).get(1).get("id").asString();

        assertThat(socket.request("GET", "/restapi/v1.0/subscription/" + id, null).get(1).get("id").asString())
                .isEqualTo(id);
        assertThat(socket.request("DELETE", "/restapi/v1.0/subscription/" + id, null).get(0).get("status").asInt())
                .isEqualTo(204);
        platform.startRingingCall("+12125550147", null, "103");
        assertThat(socket.quietFor(Duration.ofMillis(300))).isEmpty();
        assertThat(socket.request("GET", "/restapi/v1.0/subscription/" + id, null).get(0).get("status").asInt())
                .isEqualTo(404);
    }

    @Test
    void withoutCallControlTelephonyFiltersAre403() {
        platform.revokePermission(AppPermissions.CALL_CONTROL);
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        JsonNode reply = socket.subscribe(ACCOUNT_SESSIONS);

        assertThat(reply.get(0).get("status").asInt()).isEqualTo(403);
        assertThat(reply.get(1).get("errorCode").asString()).isEqualTo("CMN-401");
        assertThat(reply.get(1).get("message").asString())
                .isEqualTo("In order to call this API endpoint, application needs to have [CallControl] permission");
        JsonNode extension = socket.subscribe(EXTENSION_SESSIONS);
        assertThat(extension.get(0).get("status").asInt()).isEqualTo(403);
        JsonNode presence = socket.subscribe(DETAILED_PRESENCE);
        assertThat(presence.get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void unknownOrForeignFiltersAre400() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        for (String filter : List.of("/restapi/v1.0/account/~/extension/~/message-store",
                "/restapi/v1.0/account/99/telephony/sessions",
                "/restapi/v1.0/account/~/extension/62264425002/telephony/sessions",
                "/restapi/v1.0/account/~/telephony/sessions?statusCode=Answered")) {
            JsonNode reply = socket.subscribe(filter);
            assertThat(reply.get(0).get("status").asInt()).as(filter).isEqualTo(400);
            assertThat(reply.get(1).get("errorCode").asString()).isEqualTo("CMN-101");
        }
        JsonNode noTransport = socket.request("POST", "/restapi/v1.0/subscription",
                "{\"eventFilters\":[\"" + ACCOUNT_SESSIONS + "\"]}");
        assertThat(noTransport.get(0).get("status").asInt()).isEqualTo(400);
    }

    @Test
    void realIdsWorkLikeTilde() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        JsonNode reply = socket.subscribe("/restapi/v1.0/account/37439510/extension/" + CONNECTED_101
                + "/telephony/sessions");

        assertThat(reply.get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aSecondSubscriptionReplacesTheFirst() {
        PushClient socket = subscribedSocket(DETAILED_PRESENCE);
        JsonNode second = socket.subscribe(ACCOUNT_SESSIONS);
        assertThat(second.get(0).get("status").asInt()).isEqualTo(200);

        platform.startRingingCall("+16025551234", null, "101");

        JsonNode only = socket.next("ServerNotification");
        assertThat(only.get(1).get("subscriptionId").asString()).isEqualTo(second.get(1).get("id").asString());
        assertThat(only.get(1).get("event").asString()).endsWith("/telephony/sessions");
        assertThat(socket.quietFor(Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void subscriptionsAreInTheMediumGroupAndAnswer429OverIt() {
        platform.updateSettings(s -> s.withRateLimits(new SimulatorSettings.RateLimits(10, 2, 50, 5,
                Duration.ofSeconds(60), Duration.ofSeconds(60))));
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");
        assertThat(socket.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(200);
        assertThat(socket.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(200);

        JsonNode refused = socket.subscribe(ACCOUNT_SESSIONS);

        assertThat(refused.get(0).get("status").asInt()).isEqualTo(429);
        assertThat(refused.get(0).get("headers").get("Retry-After").asString()).isEqualTo("60");
        assertThat(refused.get(0).get("headers").get("X-Rate-Limit-Group").asString()).isEqualTo("Medium");
        assertThat(refused.get(1).get("errorCode").asString()).isEqualTo("CMN-301");
        assertThat(platform.requestCounts().path("POST /restapi/v1.0/subscription")).isEqualTo(3);
    }

    @Test
    void aHeartbeatIsAnsweredWithTheSameMessageId() {
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");

        socket.send("[{\"type\":\"Heartbeat\",\"messageId\":\"hb-1\"}]");

        JsonNode reply = socket.next();
        assertThat(reply.size()).isEqualTo(1);
        assertThat(reply.get(0).get("type").asString()).isEqualTo("Heartbeat");
        assertThat(reply.get(0).get("messageId").asString()).isEqualTo("hb-1");
        assertThat(reply.get(0).get("status").asInt()).isEqualTo(200);
    }

    @Test
    void aUsedWsTokenIsAnsweredWithAnErrorAndAClose() {
        JsonNode token = wsToken();
        PushClient first = track(PushClient.open(token.get("uri").asString(), token.get("ws_access_token").asString(),
                null));
        first.next("ConnectionDetails");

        PushClient second = track(PushClient.open(token.get("uri").asString(),
                token.get("ws_access_token").asString(), null));

        JsonNode error = second.next();
        assertThat(error.get(0).get("type").asString()).isEqualTo("Error");
        assertThat(error.get(0).get("status").asInt()).isEqualTo(401);
        assertThat(error.get(1).get("errorCode").asString()).isEqualTo("OAU-213");
        assertThat(second.awaitEnd()).isEqualTo(1008);
    }

    @Test
    void anExpiredWsTokenIsRefusedToo() {
        JsonNode token = wsToken();
        platform.advanceClock(Duration.ofSeconds(31));

        PushClient socket = track(PushClient.open(token.get("uri").asString(), token.get("ws_access_token").asString(),
                null));

        JsonNode error = socket.next();
        assertThat(error.get(0).get("type").asString()).isEqualTo("Error");
        assertThat(error.get(1).get("errorCode").asString()).isEqualTo("OAU-128");
        assertThat(socket.awaitEnd()).isEqualTo(1008);
    }

    @Test
    void theNotificationLogListsWhatWentOut() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String call = platform.startRingingCall("+16025551234", null, "103");
        socket.nextTelephony();

        List<SentNotification> sent = platform.pushNotificationsSent();

        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().status()).isEqualTo("Proceeding");
        assertThat(sent.getFirst().telephonySessionId()).isEqualTo(platform.call(call).telephonySessionId());
        assertThat(sent.getFirst().sequence()).isEqualTo(1);
        assertThat(platform.pushStats().notificationsSent()).isEqualTo(1);
    }

    @Test
    void permissionsCanBeSetAsAWhole() {
        platform.setAppPermissions(Set.of("ReadCallLog", "ReadPresence"));

        assertThat(platform.appPermissions()).containsExactlyInAnyOrder("ReadCallLog", "ReadPresence");
        assertThat(client.wsToken(accessToken).statusCode()).isEqualTo(403);
    }

    static String statusOf(JsonNode notification) {
        return notification.get(1).get("body").get("parties").get(0).get("status").get("code").asString();
    }

    static long sequenceOf(JsonNode notification) {
        return notification.get(1).get("body").get("sequence").asLong();
    }
}
