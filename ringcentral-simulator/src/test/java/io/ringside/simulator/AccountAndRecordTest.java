package io.ringside.simulator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class AccountAndRecordTest extends SimulatorTestBase {

    private String token;

    @BeforeEach
    void connect() {
        token = connectedAccessToken();
    }

    @Test
    void aRecordsUriLeadsToThatRecord() {
        String id = platform.startRingingCall("+16025551234", "Maria Garcia");
        platform.end(id);
        platform.advanceClock(Duration.ofSeconds(20));
        JsonNode listed = json(client.get("/restapi/v1.0/account/~/extension/~/call-log", token)).get("records").get(0);

        HttpResponse<String> single = client.get(listed.get("uri").asString(), token);

        assertThat(single.statusCode()).isEqualTo(200);
        assertThat(json(single).get("id").asString()).isEqualTo(id);
        assertThat(json(single).get("result").asString()).isEqualTo("Missed");
    }

    @Test
    void aRecordNotYetInTheLogIsNotFound() {
        String id = platform.startRingingCall("+16025551234", null);
        platform.end(id);

        HttpResponse<String> single = client.get("/restapi/v1.0/account/~/call-log/" + id, token);

        assertThat(single.statusCode()).isEqualTo(404);
    }

    @Test
    void theCompanysActiveCallsIncludeColleaguesLines() {
        String mine = platform.startRingingCall("+16025551234", null);
        String colleagues = platform.startRingingCall("+12125550147", null, "102");

        JsonNode active = json(client.get("/restapi/v1.0/account/~/active-calls", token));

        assertThat(active.get("records")).hasSize(2);
        assertThat(active.get("records").get(0).get("id").asString()).isIn(mine, colleagues);
    }

    @Test
    void theTokenOwnerIsTheConnectedUser() {
        JsonNode extension = json(client.get("/restapi/v1.0/account/~/extension/~", token));
        JsonNode account = json(client.get("/restapi/v1.0/account/~", token));

        assertThat(extension.get("extensionNumber").asString()).isEqualTo("101");
        assertThat(extension.get("name").asString()).isEqualTo("Alex Morgan");
        assertThat(account.get("mainNumber").asString()).isEqualTo("+16505550100");
    }
}
