package io.ringside.simulator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

/** Push tests: a connected app, and the sockets a test opens closed after it. */
abstract class PushTestBase extends SimulatorTestBase {

    String accessToken;
    private final List<PushClient> opened = new ArrayList<>();

    @BeforeEach
    void connectApp() {
        accessToken = connectedAccessToken();
    }

    @AfterEach
    void closeSockets() {
        opened.forEach(PushClient::close);
    }

    /** wstoken, then a socket with its token; the first message (ConnectionDetails) is left in the queue. */
    PushClient openSocket() {
        return openSocket(null);
    }

    PushClient openSocket(String wsc) {
        JsonNode token = wsToken();
        PushClient client = PushClient.open(token.get("uri").asString(), token.get("ws_access_token").asString(), wsc);
        opened.add(client);
        return client;
    }

    /** A socket past its ConnectionDetails, subscribed to these filters (reply asserted 200). */
    PushClient subscribedSocket(String... filters) {
        PushClient client = openSocket();
        assertThat(client.next("ConnectionDetails")).isNotNull();
        JsonNode reply = client.subscribe(filters);
        assertThat(reply.get(0).get("status").asInt()).as(reply.toString()).isEqualTo(200);
        return client;
    }

    JsonNode wsToken() {
        HttpResponse<String> response = client.wsToken(accessToken);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    PushClient track(PushClient client) {
        opened.add(client);
        return client;
    }
}
