package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import io.ringside.simulator.oauth.Pkce;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import static io.ringside.simulator.PlatformClient.REDIRECT_URI;
import static io.ringside.simulator.PlatformClient.VERIFIER;
import static io.ringside.simulator.PlatformClient.authorizeQuery;
import static io.ringside.simulator.PlatformClient.json;
import static io.ringside.simulator.PlatformClient.queryOf;
import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationCodeFlowTest extends SimulatorTestBase {

    @Test
    void consentPageNamesTheAppAndTheUserAndAllowSendsCodeAndStateBack() {
        HttpResponse<String> page = client.authorize(authorizeQuery("xyz-state", Pkce.s256(VERIFIER), "S256"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Ringside wants to read your call log", "Alex Morgan", ">Allow<", ">Deny<");

        HttpResponse<String> redirect = client.decide(page, true);
        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(redirect.headers().firstValue("Location").orElseThrow()).startsWith(REDIRECT_URI + "?");
        assertThat(queryOf(redirect)).containsEntry("state", "xyz-state").containsKey("code");
    }

    @Test
    void denySendsAccessDeniedWithStateBack() {
        HttpResponse<String> redirect = client.decide(
                client.authorize(authorizeQuery("s1", Pkce.s256(VERIFIER), "S256")), false);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(queryOf(redirect)).containsEntry("error", "access_denied").containsEntry("state", "s1")
                .containsKey("error_description").doesNotContainKey("code");
    }

    @Test
    void unknownClientGetsThePlatformsErrorPageNotARedirect() {
        Map<String, String> query = new java.util.LinkedHashMap<>(authorizeQuery("s", null, null));
        query.put("client_id", "someone-else");

        HttpResponse<String> page = client.authorize(query);

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.body()).contains("someone-else").doesNotContain("name=\"consent\"");
    }

    @Test
    void wrongResponseTypeGoesBackToTheAppAsAnError() {
        Map<String, String> query = new java.util.LinkedHashMap<>(authorizeQuery("s2", null, null));
        query.put("response_type", "token");

        HttpResponse<String> redirect = client.authorize(query);

        assertThat(redirect.statusCode()).isEqualTo(302);
        assertThat(queryOf(redirect)).containsEntry("error", "unsupported_response_type").containsEntry("state", "s2");
    }

    @Test
    void s256CodeExchangeReturnsRingCentralsTokenFields() {
        HttpResponse<String> response = client.exchange(client.authorizationCode(), REDIRECT_URI, VERIFIER);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        JsonNode token = json(response);
        assertThat(token.get("access_token").asString()).isNotBlank();
        assertThat(token.get("refresh_token").asString()).isNotBlank();
        assertThat(token.get("token_type").asString()).isEqualTo("bearer");
        assertThat(token.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(token.get("refresh_token_expires_in").asLong()).isEqualTo(604800);
        assertThat(token.get("scope").asString()).isEqualTo("ReadAccounts ReadCallLog ReadPresence CallControl WebSocketsSubscription");
        assertThat(token.get("owner_id").asString()).isEqualTo(
                Long.toString(platform.directory().connectedUser().id()));
        assertThat(token.get("endpoint_id").asString()).isNotBlank();
    }

    @Test
    void plainChallengeIsAcceptedWithTheSameVerifier() {
        String code = queryOf(client.decide(client.authorize(authorizeQuery("s", VERIFIER, "plain")), true))
                .get("code");

        assertThat(client.exchange(code, REDIRECT_URI, VERIFIER).statusCode()).isEqualTo(200);
    }

    @Test
    void wrongVerifierIsRefused() {
        HttpResponse<String> response = client.exchange(client.authorizationCode(), REDIRECT_URI,
                "another-verifier-that-is-long-enough-to-be-well-formed-xyz");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
    }

    @Test
    void missingVerifierIsRefusedWhenAChallengeWasSent() {
        HttpResponse<String> response = client.exchange(client.authorizationCode(), REDIRECT_URI, null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_request");
    }

    @Test
    void aCodeWorksOnlyOnce() {
        String code = client.authorizationCode();
        assertThat(client.exchange(code, REDIRECT_URI, VERIFIER).statusCode()).isEqualTo(200);

        HttpResponse<String> again = client.exchange(code, REDIRECT_URI, VERIFIER);

        assertThat(again.statusCode()).isEqualTo(400);
        JsonNode body = json(again);
        assertThat(body.get("error").asString()).isEqualTo("invalid_grant");
        assertThat(body.get("error_description").asString()).isNotBlank();
        assertThat(body.get("errors").get(0).get("errorCode").asString()).isEqualTo("OAU-106");
    }

    @Test
    void aCodeExpiresAfterAboutAMinute() {
        String code = client.authorizationCode();
        platform.advanceClock(Duration.ofSeconds(61));

        HttpResponse<String> response = client.exchange(code, REDIRECT_URI, VERIFIER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("errors").get(0).get("errorCode").asString()).isEqualTo("OAU-108");
    }

    @Test
    void redirectUriMustBeTheOneUsedAtAuthorize() {
        HttpResponse<String> response = client.exchange(client.authorizationCode(),
                "http://localhost:8080/elsewhere", VERIFIER);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_grant");
        assertThat(json(response).get("errors").get(0).get("errorCode").asString()).isEqualTo("OAU-109");
    }

    @Test
    void badClientCredentialsAreRefusedAsInvalidClient() {
        String code = client.authorizationCode();
        HttpResponse<String> response = client.postForm("/restapi/oauth/token", Map.of(
                "grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT_URI,
                "code_verifier", VERIFIER), PlatformClient.basic(SimulatorSettings.DEMO_CLIENT_ID, "wrong"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
        assertThat(json(response).get("errors").get(0).get("errorCode").asString()).isEqualTo("OAU-146");
    }

    @Test
    void missingClientCredentialsAreRefused() {
        HttpResponse<String> response = client.postForm("/restapi/oauth/token",
                Map.of("grant_type", "refresh_token", "refresh_token", "x"), null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(json(response).get("error").asString()).isEqualTo("invalid_client");
    }

    @Test
    void registeredRedirectUrisAreEnforcedWhenConfigured() {
        platform.updateSettings(s -> s.withRedirectUris(java.util.List.of("https://ringside.example/callback")));

        HttpResponse<String> page = client.authorize(authorizeQuery("s", null, null));

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("OAU-109");
    }
}
