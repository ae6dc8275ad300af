package io.ringside.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ControlApiTest extends SimulatorTestBase {

    @Test
    void aCallStartedOverHttpRingsAnswersAndEnds() {
        HttpResponse<String> started = client.postJson("/control/calls",
                "{\"from\":\"+442079460958\",\"name\":\"Oliver Bennett\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        String id = json(started).get("id").asString();
        assertThat(json(started).get("telephonyStatus").asString()).isEqualTo("Ringing");

        JsonNode answered = json(client.postJson("/control/calls/" + id + "/answer", ""));
        assertThat(answered.get("status").asString()).isEqualTo("CONNECTED");
        JsonNode ended = json(client.postJson("/control/calls/" + id + "/end", ""));

        assertThat(ended.get("result").asString()).isEqualTo("Accepted");
        assertThat(ended.get("inCallLogFrom").asString()).endsWith("Z");
        assertThat(platform.call(id).from().location()).isEqualTo("London, United Kingdom");
    }

    @Test
    void withoutACallerARealisticOneIsPicked() {
        HttpResponse<String> started = client.postJson("/control/calls", "{}");

        assertThat(started.statusCode()).isEqualTo(201);
        assertThat(platform.calls()).hasSize(1);
    }

    @Test
    void unknownCallsAre404AndImpossibleStepsAre409() {
        assertThat(client.postJson("/control/calls/nope/answer", "").statusCode()).isEqualTo(404);
        String id = platform.startRingingCall("+16025551234", null);
        platform.end(id);

        assertThat(client.postJson("/control/calls/" + id + "/answer", "").statusCode()).isEqualTo(409);
    }

    @Test
    void tokensFailuresAndCountsAreControllable() {
        String token = connectedAccessToken();
        assertThat(client.postJson("/control/tokens/expire", "").statusCode()).isEqualTo(204);
        assertThat(client.get("/restapi/v1.0/account/~/extension/~/presence", token).statusCode()).isEqualTo(401);

        assertThat(client.postJson("/control/failures", "{\"count\":1,\"status\":503}").statusCode()).isEqualTo(204);
        assertThat(client.get("/restapi/v1.0/account/~/call-log", token).statusCode()).isEqualTo(503);

        JsonNode counts = json(client.get("/control/requests", null));
        assertThat(counts.get("byGroup").get("Light").asLong()).isEqualTo(1);
        assertThat(counts.get("byGroup").get("Heavy").asLong()).isEqualTo(1);
        assertThat(counts.get("byPath").get("POST /restapi/oauth/token").asLong()).isEqualTo(1);
    }

    @Test
    void settingsAndTimeCanBeChangedRemotely() {
        HttpResponse<String> patched = client.send("PATCH", "/control/settings", "{\"callLogDelaySeconds\":2}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(platform.settings().callLogDelay().toSeconds()).isEqualTo(2);

        String before = json(client.get("/control/clock", null)).get("now").asString();
        String after = json(client.postJson("/control/clock/advance", "{\"seconds\":30}")).get("now").asString();
        assertThat(java.time.Duration.between(java.time.Instant.parse(before), java.time.Instant.parse(after)))
                .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(30));
    }
}
