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
        try (RingCentralAdapter adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl()).build(), "US", TestAdapters.clock())) {
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

    private static final String PUSH_ACCESS_1 = "PushAccess1-UHVzaF9hY2Nlc3NfMQ";
    private static final String PUSH_ACCESS_2 = "PushAccess2-UHVzaF9hY2Nlc3NfMg";
    private static final String WS_TOKEN = "WsAccessTok-V3NfYWNjZXNzX3Rva2Vu";
    private static final String WSC_1 = "WscToken1-d3NjX3Rva2VuXzE";
    private static final String WSC_2 = "WscToken2-d3NjX3Rva2VuXzI";

    /**
     * A push session through a rejected access token, a subscription, a notification, a gateway error that
     * quotes the session token, a recovery (the wsc token in the socket's URI) and a message that is not
     * JSON but holds the WebSocket token: no access token, WebSocket token or wsc token in any log line.
     */
    @Test
    void aPushSessionLogsNoAccessTokenWebSocketTokenOrSessionToken() throws Exception {
        Logger push = (Logger) LoggerFactory.getLogger(PushSession.class);
        ch.qos.logback.classic.Level before = push.getLevel();
        push.setLevel(ch.qos.logback.classic.Level.TRACE);
        try (FakeWebSocketGateway gateway = new FakeWebSocketGateway()) {
            ringCentral.stubFor(post("/restapi/oauth/wstoken").withHeader("Authorization", equalTo("Bearer " + PUSH_ACCESS_1))
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody(RingCentralJson.apiError("OAU-128", "Access token " + PUSH_ACCESS_1 + " expired"))));
            ringCentral.stubFor(post("/restapi/oauth/wstoken").withHeader("Authorization", equalTo("Bearer " + PUSH_ACCESS_2))
                    .willReturn(okJson(PushJson.wsToken(WS_TOKEN, gateway.uri()))));
            java.util.concurrent.atomic.AtomicInteger opened = new java.util.concurrent.atomic.AtomicInteger();
            gateway.onOpen(connection -> connection.send(opened.incrementAndGet() == 1
                    ? PushJson.connectionDetails(WSC_1, 1, null)
                    : PushJson.connectionDetails(WSC_2, 9, "Successful")));
            gateway.onText((connection, text) -> {
                if (text.contains("ClientRequest")) {
                    String messageId = text.replaceAll("(?s).*\"messageId\"\\s*:\\s*\"([^\"]+)\".*", "$1");
                    connection.send(PushJson.subscriptionCreated(messageId, PushSubscription.COMPANY_FILTER));
                }
            });
            PushRecorder recorder = new PushRecorder();
            PushRecorder.Tokens tokens = new PushRecorder.Tokens(new AccessToken(PUSH_ACCESS_1, TestAdapters.NOW.plusSeconds(3600)));
            tokens.replacement = () -> java.util.Optional.of(new AccessToken(PUSH_ACCESS_2, TestAdapters.NOW.plusSeconds(3600)));
            try (RingCentralAdapter adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl())
                    .pushReconnectInitialBackoff(Duration.ofMillis(10)).pushReconnectMaxBackoff(Duration.ofMillis(50)).build(), "US",
                    TestAdapters.clock())) {
                var session = adapter.notifications().open(tokens, recorder);
                FakeWebSocketGateway.Connection first = gateway.nextConnection(Duration.ofSeconds(10));
                recorder.await("subscribed");
                first.send(PushJson.telephonySession(WSC_2, 5, "s-1", 3, "2026-11-22T18:30:00Z",
                        PushJson.party("p-1", "62264425102", "Inbound", PushJson.end("+16025551234", "Ada", null, null),
                                PushJson.end("+16505550100", "Sam", "62264425102", "102"), "Proceeding", false)));
                recorder.await("event");
                first.send(PushJson.gatewayError("WSG-902", "Idle timeout expired for session " + WSC_2));
                FakeWebSocketGateway.Connection second = gateway.nextConnection(Duration.ofSeconds(10));
                recorder.await("recovered");
                second.send("[not json " + WS_TOKEN + " " + WSC_2);
                PushRecorder.sleep(200);
                session.close();

                // The secrets were really in play: sent to the peers, and held by the session.
                assertThat(second.query("access_token")).isEqualTo(WS_TOKEN);
                assertThat(second.query("wsc")).isEqualTo(WSC_2);
                ringCentral.verify(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                        com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/restapi/oauth/wstoken"))
                        .withHeader("Authorization", equalTo("Bearer " + PUSH_ACCESS_2)));
                exceptionMessages.addAll(recorder.lines);
            }
        } finally {
            push.setLevel(before);
        }
        // Positive control: the same capture and the same search find a string the push client's logger wrote.
        LoggerFactory.getLogger(PushSession.class).info("planted on purpose: {}", PLANTED_MARKER);

        String everything = allCapturedText();
        assertThat(everything).contains(PLANTED_MARKER).contains("WSG-902").contains("recovered");
        for (String secret : List.of(PUSH_ACCESS_1, PUSH_ACCESS_2, WS_TOKEN, WSC_1, WSC_2, CLIENT_SECRET)) {
            assertThat(everything).as("log output").doesNotContain(secret);
            assertThat(exceptionMessages).as("what the listener was told").noneMatch(message -> message.contains(secret));
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
