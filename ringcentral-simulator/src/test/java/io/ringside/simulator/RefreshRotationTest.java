package io.ringside.simulator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RefreshRotationTest extends SimulatorTestBase {

    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";

    @Test
    void refreshReturnsANewPairAndTheOldAccessTokenStopsWorking() {
        JsonNode first = client.connect();

        JsonNode second = json(client.refresh(first.get("refresh_token").asString()));

        assertThat(second.get("access_token").asString()).isNotEqualTo(first.get("access_token").asString());
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());
        assertThat(client.get(PRESENCE, second.get("access_token").asString()).statusCode()).isEqualTo(200);
        assertThat(client.get(PRESENCE, first.get("access_token").asString()).statusCode()).isEqualTo(401);
    }

    @Test
    void aRepeatedRefreshWithinTheGraceReturnsTheSameNewPair() {
        JsonNode first = client.connect();
        String oldRefresh = first.get("refresh_token").asString();
        JsonNode second = json(client.refresh(oldRefresh));
        // The new access token is used; the grace runs from here.
        assertThat(client.get(PRESENCE, second.get("access_token").asString()).statusCode()).isEqualTo(200);
        platform.advanceClock(Duration.ofSeconds(5));

        HttpResponse<String> repeat = client.refresh(oldRefresh);

        assertThat(repeat.statusCode()).isEqualTo(200);
        assertThat(json(repeat).get("access_token").asString()).isEqualTo(second.get("access_token").asString());
        assertThat(json(repeat).get("refresh_token").asString()).isEqualTo(second.get("refresh_token").asString());
    }

    @Test
    void theOldRefreshTokenDiesOnceTheGraceAfterFirstUseHasPassed() {
        JsonNode first = client.connect();
        String oldRefresh = first.get("refresh_token").asString();
        JsonNode second = json(client.refresh(oldRefresh));
        // Unused new token: no grace clock yet, however long the wait.
        platform.advanceClock(Duration.ofSeconds(30));
        assertThat(client.refresh(oldRefresh).statusCode()).isEqualTo(200);

        client.get(PRESENCE, second.get("access_token").asString());
        platform.advanceClock(Duration.ofSeconds(11));
        HttpResponse<String> late = client.refresh(oldRefresh);

        assertThat(late.statusCode()).isEqualTo(400);
        assertThat(json(late).get("error").asString()).isEqualTo("invalid_grant");
        // The new pair is unaffected.
        assertThat(client.refresh(second.get("refresh_token").asString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theGraceIsSettable() {
        platform.updateSettings(s -> s.withRefreshGrace(Duration.ZERO));
        JsonNode first = client.connect();
        JsonNode second = json(client.refresh(first.get("refresh_token").asString()));
        client.get(PRESENCE, second.get("access_token").asString());

        assertThat(client.refresh(first.get("refresh_token").asString()).statusCode()).isEqualTo(400);
    }

    @Test
    void anExpiredRefreshTokenIsRefused() {
        JsonNode first = client.connect();
        platform.advanceClock(Duration.ofDays(7).plusSeconds(1));

        HttpResponse<String> response = client.refresh(first.get("refresh_token").asString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void revokeEndsTheWholeSession() {
        JsonNode tokens = client.connect();

        HttpResponse<String> revoke = client.postForm("/restapi/oauth/revoke",
                Map.of("token", tokens.get("access_token").asString()), PlatformClient.demoClient());

        assertThat(revoke.statusCode()).isEqualTo(200);
        assertThat(client.get(PRESENCE, tokens.get("access_token").asString()).statusCode()).isEqualTo(401);
        HttpResponse<String> refresh = client.refresh(tokens.get("refresh_token").asString());
        assertThat(refresh.statusCode()).isEqualTo(400);
        assertThat(json(refresh).get("errors").get(0).get("message").asString()).isEqualTo("Token revoked");
    }
}
