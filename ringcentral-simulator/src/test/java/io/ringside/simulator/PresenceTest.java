package io.ringside.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class PresenceTest extends SimulatorTestBase {

    private static final String DETAILED = "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";

    private String token;

    @BeforeEach
    void connect() {
        token = connectedAccessToken();
    }

    @Test
    void aRingingCallShowsWithCallerAndSessionIds() {
        String id = platform.startRingingCall("+16025551234", "Maria Garcia");

        JsonNode presence = presence();

        assertThat(presence.get("telephonyStatus").asString()).isEqualTo("Ringing");
        JsonNode call = presence.get("activeCalls").get(0);
        assertThat(call.get("id").asString()).isEqualTo(id);
        assertThat(call.get("direction").asString()).isEqualTo("Inbound");
        assertThat(call.get("from").asString()).isEqualTo("+16025551234");
        assertThat(call.get("fromName").asString()).isEqualTo("Maria Garcia");
        assertThat(call.get("to").asString()).isEqualTo("+16505550100");
        assertThat(call.get("telephonyStatus").asString()).isEqualTo("Ringing");
        assertThat(call.get("sessionId").asString()).isEqualTo(platform.call(id).sessionId());
        assertThat(call.get("telephonySessionId").asString()).isEqualTo(platform.call(id).telephonySessionId());
        assertThat(call.get("startTime").asString()).endsWith("Z");
    }

    @Test
    void theStatusFollowsTheCallUntilItEnds() {
        String id = platform.startRingingCall("+16025551234", null);
        platform.answer(id);
        assertThat(presence().get("activeCalls").get(0).get("telephonyStatus").asString()).isEqualTo("CallConnected");
        platform.hold(id);
        assertThat(presence().get("telephonyStatus").asString()).isEqualTo("OnHold");

        platform.end(id);

        JsonNode after = presence();
        assertThat(after.get("telephonyStatus").asString()).isEqualTo("NoCall");
        assertThat(after.get("activeCalls")).isEmpty();
    }

    @Test
    void onlyCallsToTheConnectedUsersExtensionAreVisible() {
        String mine = platform.startRingingCall("+16025551234", null);
        platform.startRingingCall("+12125550147", null, "102");

        JsonNode calls = presence().get("activeCalls");

        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).get("id").asString()).isEqualTo(mine);
    }

    @Test
    void withoutDetailedTelephonyStateThereIsNoCallList() {
        platform.startRingingCall("+16025551234", null);

        JsonNode presence = json(client.get("/restapi/v1.0/account/~/extension/~/presence", token));

        assertThat(presence.get("telephonyStatus").asString()).isEqualTo("Ringing");
        assertThat(presence.has("activeCalls")).isFalse();
    }

    @Test
    void anAnonymousCallerHasNoFrom() {
        platform.startRingingCall(null, null);

        JsonNode call = presence().get("activeCalls").get(0);

        assertThat(call.has("from")).isFalse();
        assertThat(call.get("telephonyStatus").asString()).isEqualTo("Ringing");
    }

    private JsonNode presence() {
        return json(client.get(DETAILED, token));
    }
}
