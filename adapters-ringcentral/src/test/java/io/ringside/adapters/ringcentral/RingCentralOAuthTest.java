package io.ringside.adapters.ringcentral;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.RefreshToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.TestAdapters.CLIENT_ID;
import static io.ringside.adapters.ringcentral.TestAdapters.CLIENT_SECRET;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static io.ringside.adapters.ringcentral.TestAdapters.REDIRECT_URI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RingCentralOAuthTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String TOKEN = "/restapi/oauth/token";
    private static final CodeVerifier VERIFIER = new CodeVerifier("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));

    private final MutableClock clock = TestAdapters.clock();
    private RingCentralAdapter adapter;
    private RingCentralAuthorization oauth;

    @BeforeEach
    void connect() {
        adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl()).build(), "US", clock);
        oauth = adapter.authorization();
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    @Test
    void theAuthorizeUrlAsksForACodeWithPkce() {
        URI url = oauth.authorizeUrl("state-0123456789abcdefghijkl", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");

        assertThat(url.getPath()).isEqualTo("/restapi/oauth/authorize");
        assertThat(url.toString()).startsWith(ringCentral.baseUrl());
        assertThat(query(url)).containsExactlyInAnyOrderEntriesOf(Map.of(
                "response_type", "code",
                "client_id", CLIENT_ID,
                "redirect_uri", REDIRECT_URI,
                "state", "state-0123456789abcdefghijkl",
                "code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
                "code_challenge_method", "S256"));
        assertThat(oauth.server()).hasToString(ringCentral.baseUrl());
    }

    @Test
    void aCodeIsExchangedWithItsVerifierAndTheRegisteredRedirect() {
        ringCentral.stubFor(post(TOKEN).willReturn(okJson(RingCentralJson.token("access-1", "refresh-1"))));

        IssuedTokens tokens = oauth.exchangeCode("the-code", VERIFIER);

        assertThat(tokens.accessToken().value()).isEqualTo("access-1");
        assertThat(tokens.accessToken().expiresAt()).isEqualTo(NOW.plusSeconds(3600));
        assertThat(tokens.refreshToken().value()).isEqualTo("refresh-1");
        assertThat(tokens.refreshToken().issuedAt()).isEqualTo(NOW);
        assertThat(tokens.refreshToken().expiresAt()).isEqualTo(NOW.plusSeconds(604800));
        assertThat(tokens.ownerId()).isEqualTo("256440016");
        assertThat(tokens.scope()).isEqualTo("ReadAccounts ReadCallLog ReadPresence");
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
                .withHeader("Authorization", equalTo(BASIC))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withFormParam("grant_type", equalTo("authorization_code"))
                .withFormParam("code", equalTo("the-code"))
                .withFormParam("redirect_uri", equalTo(REDIRECT_URI))
                .withFormParam("code_verifier", equalTo(VERIFIER.value())));
    }

    @Test
    void aRefreshRotatesThePair() {
        ringCentral.stubFor(post(TOKEN).withFormParam("refresh_token", equalTo("refresh-1"))
                .willReturn(okJson(RingCentralJson.token("access-2", "refresh-2"))));
        RefreshToken old = new RefreshToken("refresh-1", NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(6)));
        clock.advance(Duration.ofMinutes(10));

        IssuedTokens tokens = oauth.refresh(old);

        assertThat(tokens.refreshToken().value()).isEqualTo("refresh-2").isNotEqualTo(old.value());
        assertThat(tokens.accessToken().value()).isEqualTo("access-2");
        Instant refreshedAt = NOW.plus(Duration.ofMinutes(10));
        assertThat(tokens.refreshToken().issuedAt()).isEqualTo(refreshedAt);
        assertThat(tokens.refreshToken().expiresAt()).isEqualTo(refreshedAt.plus(Duration.ofDays(7)));
        assertThat(tokens.accessToken().expiresAt()).isEqualTo(refreshedAt.plusSeconds(3600));
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo(TOKEN))
                .withHeader("Authorization", equalTo(BASIC))
                .withFormParam("grant_type", equalTo("refresh_token")));
    }

    @Test
    void revokeSendsTheTokenWithClientCredentials() {
        ringCentral.stubFor(post("/restapi/oauth/revoke").willReturn(aResponse().withStatus(200)));

        oauth.revoke(new RefreshToken("refresh-1", NOW, NOW.plus(Duration.ofDays(7))));

        ringCentral.verify(1, postRequestedFor(urlPathEqualTo("/restapi/oauth/revoke"))
                .withHeader("Authorization", equalTo(BASIC))
                .withFormParam("token", equalTo("refresh-1")));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "400, invalid_grant,  OAU-106, CODE_REJECTED,          Invalid authorization code",
            "400, invalid_grant,  OAU-108, CODE_EXPIRED,           Authorization code is expired",
            "400, invalid_grant,  OAU-109, REDIRECT_MISMATCH,      Redirect URIs do not match",
            "400, invalid_client, OAU-113, REDIRECT_MISMATCH,      No redirect uri is registered for the client",
            "400, invalid_client, OAU-146, BAD_CLIENT_CREDENTIALS, Invalid client credentials",
            "401, invalid_client, OAU-153, BAD_CLIENT_CREDENTIALS, Invalid client",
            "400, unauthorized_client, OAU-112, REQUEST_REFUSED,   The client is unauthorized for the required grant type",
    })
    void everyCodeExchangeErrorHasItsOwnOutcome(int status, String error, String errorCode, Reason reason, String description) {
        ringCentral.stubFor(post(TOKEN).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.oauthError(error, errorCode, description))));

        assertThatThrownBy(() -> oauth.exchangeCode("the-code", VERIFIER))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(reason);
                    assertThat(rejected.errorCode()).isEqualTo(errorCode);
                    assertThat(rejected.getMessage()).contains(description).doesNotContain("the-code");
                });
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void aDeadRefreshTokenMeansReconnect() {
        ringCentral.stubFor(post(TOKEN).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.oauthError("invalid_grant", "OAU-211", "Token not found"))));

        assertThatThrownBy(() -> oauth.refresh(new RefreshToken("refresh-1", NOW, NOW.plus(Duration.ofDays(7)))))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.INVALID_GRANT);
                    assertThat(rejected.getMessage()).contains("connect RingCentral again").doesNotContain("refresh-1");
                });
    }

    @Test
    void aRefreshIsNeverResentOnAServerErrorOrABrokenConnection() {
        RefreshToken refreshToken = new RefreshToken("refresh-1", NOW, NOW.plus(Duration.ofDays(7)));
        ringCentral.stubFor(post(TOKEN).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> oauth.refresh(refreshToken)).isInstanceOf(RingCentralUnavailableException.class);
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));

        ringCentral.resetRequests();
        ringCentral.stubFor(post(TOKEN).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> oauth.refresh(refreshToken))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("Could not reach RingCentral");
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo(TOKEN)));
    }

    @Test
    void aRateLimitedTokenEndpointSaysUntilWhen() {
        ringCentral.stubFor(post(TOKEN).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-301", "Request rate exceeded"))));

        assertThatThrownBy(() -> oauth.exchangeCode("the-code", VERIFIER))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Auth");
                    assertThat(limited.until()).isEqualTo(NOW.plusSeconds(30));
                });
    }

    @Test
    void anAnswerWithoutARefreshTokenIsRefusedWithAdvice() {
        ringCentral.stubFor(post(TOKEN).willReturn(okJson("""
                { "access_token" : "access-1", "token_type" : "bearer", "expires_in" : 3600, "scope" : "ReadCallLog",
                  "owner_id" : "256440016", "session_id" : "1" }""")));

        assertThatThrownBy(() -> oauth.exchangeCode("the-code", VERIFIER))
                .isInstanceOf(RingCentralRejectedException.class)
                .hasMessageContaining("Refresh Token grant");
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> URLDecoder.decode(pair[1], StandardCharsets.UTF_8)));
    }

}
