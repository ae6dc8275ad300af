package io.ringside.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class ApiAuthenticationTest extends SimulatorTestBase {

    private static final String CALL_LOG = "/restapi/v1.0/account/~/extension/~/call-log";

    @Test
    void withoutATokenTheApiAnswers401InRingCentralsErrorShape() {
        HttpResponse<String> response = client.get(CALL_LOG, null);

        assertThat(response.statusCode()).isEqualTo(401);
        JsonNode body = json(response);
        assertThat(body.get("errorCode").asString()).isEqualTo("AGW-401");
        assertThat(body.get("message").asString()).isNotBlank();
        assertThat(body.get("errors").get(0).get("errorCode").asString()).isEqualTo("AGW-401");
    }

    @Test
    void anUnknownTokenIs401() {
        HttpResponse<String> response = client.get(CALL_LOG, "not-a-token");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("message").asString()).isNotBlank();
    }

    @Test
    void anAccessTokenExpiresAfterExpiresIn() {
        String token = connectedAccessToken();
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);

        platform.advanceClock(Duration.ofSeconds(3600));
        HttpResponse<String> response = client.get(CALL_LOG, token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("errorCode").asString()).isEqualTo("OAU-128");
    }

    @Test
    void shortLifetimesAreSettableAndReportedInExpiresIn() {
        platform.updateSettings(s -> s.withAccessTokenLifetime(Duration.ofSeconds(5)));
        JsonNode tokens = client.connect();
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(5);

        platform.advanceClock(Duration.ofSeconds(5));

        assertThat(client.get(CALL_LOG, tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void expireAccessTokensMakesTheNextCallFailWithOau128AndARefreshRecovers() {
        JsonNode tokens = client.connect();
        platform.expireAccessTokens();

        HttpResponse<String> response = client.get(CALL_LOG, tokens.get("access_token").asString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("errorCode").asString()).isEqualTo("OAU-128");

        String fresh = json(client.refresh(tokens.get("refresh_token").asString())).get("access_token").asString();
        assertThat(client.get(CALL_LOG, fresh).statusCode()).isEqualTo(200);
    }

    @Test
    void anotherUsersExtensionIsOutOfReach() {
        String token = connectedAccessToken();

        HttpResponse<String> response = client.get("/restapi/v1.0/account/~/extension/62264425002/call-log", token);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("errorCode").asString()).isEqualTo("CMN-102");
    }
}
