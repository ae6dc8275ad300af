package io.ringside.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.ringside.simulator.PlatformClient.json;
import static io.ringside.simulator.PushClient.ACCOUNT_SESSIONS;
import static io.ringside.simulator.PushProtocolTest.statusOf;
import static org.assertj.core.api.Assertions.assertThat;

/** The push controls, through the Java API and the control endpoints a benchmark uses. */
class PushControlTest extends PushTestBase {

    @Test
    void refusingSocketsAnswersWstokenWith503AndRefusesHandshakesUntilItEnds() {
        JsonNode token = wsToken();

        platform.refusePushSockets(Duration.ofSeconds(30));

        HttpResponse<String> refused = client.wsToken(accessToken);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(json(refused).get("errorCode").asString()).isEqualTo("CMN-211");
        assertThat(PushClient.refusedHandshakeStatus(token.get("uri").asString(),
                token.get("ws_access_token").asString())).isEqualTo(503);
        assertThat(platform.pushStats().socketsRefused()).isEqualTo(1);

        platform.advanceClock(Duration.ofSeconds(31));

        assertThat(client.wsToken(accessToken).statusCode()).isEqualTo(200);
    }

    @Test
    void theControlApiDropsRefusesAndCounts() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);

        HttpResponse<String> drop = client.postJson("/control/push/drop", "");
        assertThat(drop.statusCode()).isEqualTo(200);
        assertThat(json(drop).get("dropped").asInt()).isEqualTo(1);
        assertThat(socket.awaitEnd()).isNull();
        assertThat(socket.endedWithError()).isTrue();

        assertThat(client.postJson("/control/push/refuse", "{\"seconds\":30}").statusCode()).isEqualTo(204);
        assertThat(client.wsToken(accessToken).statusCode()).isEqualTo(503);
        assertThat(client.postJson("/control/push/refuse", "{\"seconds\":0}").statusCode()).isEqualTo(204);
        assertThat(client.wsToken(accessToken).statusCode()).isEqualTo(200);

        JsonNode stats = json(client.get("/control/push", null));
        assertThat(stats.get("socketsOpened").asInt()).isEqualTo(1);
        assertThat(stats.get("subscriptionsCreated").asInt()).isEqualTo(1);
        assertThat(stats.get("wsTokensIssued").asInt()).isEqualTo(2);
        assertThat(stats.get("liveSockets").asInt()).isZero();
    }

    @Test
    void theControlApiSetsPermissionsAndTheRecoveryTimeout() {
        HttpResponse<String> set = client.send("PUT", "/control/permissions",
                "{\"permissions\":[\"ReadCallLog\",\"ReadPresence\",\"WebSocketsSubscription\"]}");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(json(set).get("permissions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("ReadCallLog", "ReadPresence", "WebSocketsSubscription");
        PushClient socket = openSocket();
        socket.next("ConnectionDetails");
        assertThat(socket.subscribe(ACCOUNT_SESSIONS).get(0).get("status").asInt()).isEqualTo(403);

        assertThat(client.postJson("/control/push/recovery-timeout", "{\"seconds\":7}").statusCode())
                .isEqualTo(204);
        assertThat(json(client.get("/control/settings", null)).get("recoveryTimeoutSeconds").asInt()).isEqualTo(7);
        assertThat(openSocket().next("ConnectionDetails").get(1).get("recoveryTimeout").asInt()).isEqualTo(7);
    }

    @Test
    void theControlApiSwapsEventsAndListsNotifications() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);
        String call = json(client.postJson("/control/calls", "{\"from\":\"+16025551234\",\"extension\":\"103\"}"))
                .get("id").asString();
        socket.nextTelephony();

        assertThat(client.postJson("/control/calls/" + call + "/out-of-order", "").statusCode()).isEqualTo(204);
        client.postJson("/control/calls/" + call + "/answer", "");
        client.postJson("/control/calls/" + call + "/end", "");

        assertThat(statusOf(socket.nextTelephony())).isEqualTo("Disconnected");
        assertThat(statusOf(socket.nextTelephony())).isEqualTo("Answered");
        JsonNode sent = json(client.get("/control/push/notifications", null));
        assertThat(sent.valueStream().map(n -> n.get("status").asString()).toList())
                .containsExactly("Proceeding", "Disconnected", "Answered");
        assertThat(sent.get(0).get("json").asString()).contains("\"ServerNotification\"");
    }

    @Test
    void pushSettingsCanBeChangedThroughTheControlApi() {
        HttpResponse<String> changed = client.send("PATCH", "/control/settings",
                "{\"idleTimeoutSeconds\":90,\"pingIntervalMillis\":500,\"recoveryBufferSize\":3}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(platform.settings().push().idleTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(platform.settings().push().pingInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(platform.settings().push().recoveryBufferSize()).isEqualTo(3);
        assertThat(platform.settings().push().recoveryTimeout()).isEqualTo(Duration.ofSeconds(180));
    }

    @Test
    void resetClosesSocketsAndForgetsSessions() {
        PushClient socket = subscribedSocket(ACCOUNT_SESSIONS);

        platform.reset();

        assertThat(socket.awaitEnd()).isEqualTo(1001);
        assertThat(platform.pushStats().socketsOpened()).isZero();
    }
}
