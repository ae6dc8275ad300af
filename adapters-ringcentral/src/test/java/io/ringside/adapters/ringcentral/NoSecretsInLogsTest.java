package io.ringside.adapters.ringcentral;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.TestAdapters.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** A whole connect–use–refresh–fail–disconnect flow, with every log line captured and searched for secrets. */
class NoSecretsInLogsTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CODE = "AuthCode-7f3a9c1e5b";
    private static final CodeVerifier VERIFIER = new CodeVerifier("Verifier-0123456789abcdefghijklmnopqrstuvwxyzABCD");
    private static final String ACCESS_1 = "AccessTok1-U1BCMDFUMDRKV1MwMXxzLFSvXdw5PHMsVLEn";
    private static final String REFRESH_1 = "RefreshTok1-U1BCMDFUMDRKV1MwMXxzLFL4ec6A0XMsUv9w";
    private static final String ACCESS_2 = "AccessTok2-QXQyX2FjY2Vzc190b2tlbl92YWx1ZQ";
    private static final String REFRESH_2 = "RefreshTok2-UmVmcmVzaF90b2tlbl92YWx1ZV8y";
    private static final String PLANTED_MARKER = "PLANTED-MARKER-4b1d";

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final List<String> exceptionMessages = new ArrayList<>();

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void aFullFlowLogsNoTokenCodeOrSecret() {
        stubTheFlow();
        try (RingCentralAdapter adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl()).build(), TestAdapters.clock())) {
            RingCentralAuthorization oauth = adapter.authorization();
            RingCentralCalls calls = adapter.calls();

            oauth.authorizeUrl("state-0123456789abcdefghijkl", VERIFIER.s256Challenge());
            IssuedTokens first = oauth.exchangeCode(CODE, VERIFIER);
            calls.callLog(first.accessToken(), TestAdapters.NOW.minus(Duration.ofHours(1)));
            calls.liveCalls(first.accessToken());
            IssuedTokens second = oauth.refresh(first.refreshToken());
            remember(catchThrowableOfType(RingCentralException.class, () -> calls.liveCalls(new AccessToken(ACCESS_2, TestAdapters.NOW.plusSeconds(60)))));
            remember(catchThrowableOfType(RingCentralException.class, () -> oauth.exchangeCode(CODE, VERIFIER)));
            remember(catchThrowableOfType(RingCentralException.class, () -> oauth.refresh(first.refreshToken())));
            oauth.revoke(second.refreshToken());
        }
        // Positive control: the same capture and the same search do find a string that was logged.
        LoggerFactory.getLogger(RingCentralTransport.class).info("planted on purpose: {}", PLANTED_MARKER);

        String everything = allCapturedText();
        assertThat(captured.list).hasSizeGreaterThan(5);
        assertThat(everything).contains(PLANTED_MARKER);
        assertThat(exceptionMessages).hasSize(3);
        assertThat(exceptionMessages.get(1)).contains("CODE_REJECTED, OAU-106").contains("Invalid authorization code ********");
        for (String secret : List.of(CODE, VERIFIER.value(), CLIENT_SECRET, ACCESS_1, REFRESH_1, ACCESS_2, REFRESH_2)) {
            assertThat(everything).as("log output").doesNotContain(secret);
            assertThat(exceptionMessages).as("exception messages").noneMatch(message -> message.contains(secret));
        }
    }

    private void stubTheFlow() {
        ringCentral.stubFor(post("/restapi/oauth/token").withFormParam("grant_type", equalTo("authorization_code"))
                .inScenario("flow").whenScenarioStateIs("Started").willSetStateTo("code used")
                .willReturn(okJson(RingCentralJson.token(ACCESS_1, REFRESH_1))));
        // RingCentral quoting the secret back in its error text must not carry it into a message or a log line.
        ringCentral.stubFor(post("/restapi/oauth/token").withFormParam("grant_type", equalTo("authorization_code"))
                .inScenario("flow").whenScenarioStateIs("refreshed")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(RingCentralJson.oauthError("invalid_grant", "OAU-106", "Invalid authorization code " + CODE))));
        ringCentral.stubFor(post("/restapi/oauth/token").withFormParam("refresh_token", equalTo(REFRESH_1))
                .inScenario("flow").whenScenarioStateIs("code used").willSetStateTo("refreshed")
                .willReturn(okJson(RingCentralJson.token(ACCESS_2, REFRESH_2))));
        ringCentral.stubFor(post("/restapi/oauth/token").withFormParam("refresh_token", equalTo(REFRESH_1))
                .inScenario("flow").whenScenarioStateIs("refreshed")
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody(RingCentralJson.oauthError("invalid_grant", "OAU-211", "Token not found: " + REFRESH_1))));
        ringCentral.stubFor(get(urlPathEqualTo("/restapi/v1.0/account/~/call-log")).willReturn(okJson(RingCentralJson.callLogPage(1, null,
                RingCentralJson.callLogRecord("S1", "2026-11-22T18:20:00.000Z", "Accepted", RingCentralJson.from("+16025551234", "Ada"))))));
        ringCentral.stubFor(get(urlPathEqualTo("/restapi/v1.0/account/~/extension/~/presence"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_1))
                .willReturn(okJson(RingCentralJson.presence("NoCall"))));
        ringCentral.stubFor(get(urlPathEqualTo("/restapi/v1.0/account/~/extension/~/presence"))
                .withHeader("Authorization", equalTo("Bearer " + ACCESS_2))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(RingCentralJson.apiError("OAU-213", "Token " + ACCESS_2 + " is revoked"))));
        ringCentral.stubFor(post("/restapi/oauth/revoke").willReturn(aResponse().withStatus(200)));
    }

    private void remember(RingCentralException failure) {
        assertThat(failure).as("the step was expected to fail").isNotNull();
        exceptionMessages.add(failure.getMessage());
    }

    private String allCapturedText() {
        StringBuilder text = new StringBuilder();
        for (ILoggingEvent event : captured.list) {
            text.append(event.getFormattedMessage()).append('\n');
            for (IThrowableProxy thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
                text.append(thrown.getClassName()).append(": ").append(thrown.getMessage()).append('\n');
            }
        }
        return text.toString();
    }
}
