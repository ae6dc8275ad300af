package io.ringside.adapters.ringcentral;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringside.adapters.ringcentral.FakeWebSocketGateway.Connection;
import io.ringside.adapters.ringcentral.RateLimitState.BlockReason;
import io.ringside.application.port.out.CallNotifications.NotificationSession;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.PushJson.end;
import static io.ringside.adapters.ringcentral.PushJson.party;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The push session against a stand-in gateway that speaks RingCentral's WebSocket protocol message by
 * message (a test can leave a heartbeat unanswered, ping, refuse a handshake, send a gateway error), with
 * the WebSocket token from WireMock. What is counted is counted at the peers.
 */
class PushSessionTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final AccessToken TOKEN = new AccessToken("AccessTok-push-0123456789", NOW.plusSeconds(3600));
    private static final AccessToken FRESH_TOKEN = new AccessToken("AccessTok-fresh-9876543210", NOW.plusSeconds(3600));
    private static final String WS_TOKEN = "WsTok-5f2c9a7e1b3d";

    private final JsonMapper json = JsonMapper.builder().build();
    private final MutableClock clock = TestAdapters.clock();
    private final PushRecorder recorder = new PushRecorder();
    private final PushRecorder.Tokens tokens = new PushRecorder.Tokens(TOKEN);
    private FakeWebSocketGateway gateway;
    private RingCentralAdapter adapter;
    private NotificationSession session;

    // The gateway's script: what it answers, as RingCentral's gateway would.
    private final AtomicInteger sessionsIssued = new AtomicInteger();
    private volatile String recoveryState = "Successful";
    private volatile boolean answerHeartbeats = true;
    private volatile Function<String, String> subscriptionStatus = filter -> "200";
    private final List<String> subscribedFilters = new CopyOnWriteArrayList<>();
    private final List<String> heartbeats = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = new FakeWebSocketGateway();
        ringCentral.stubFor(post("/restapi/oauth/wstoken").willReturn(okJson(PushJson.wsToken(WS_TOKEN, gateway.uri()))));
        gateway.onOpen(connection -> {
            boolean recovering = connection.query("wsc") != null;
            connection.send(PushJson.connectionDetails("wsc-token-" + sessionsIssued.incrementAndGet(), 0,
                    recovering ? recoveryState : null));
        });
        gateway.onText(this::answer);
    }

    @AfterEach
    void stop() throws IOException {
        if (session != null) {
            session.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        gateway.close();
    }

    private void answer(Connection connection, String text) {
        JsonNode message = json.readTree(text);
        JsonNode meta = message.get(0);
        String messageId = meta.get("messageId").asString();
        switch (meta.get("type").asString()) {
            case "ClientRequest" -> {
                String filter = message.get(1).get("eventFilters").get(0).asString();
                subscribedFilters.add(filter);
                String status = subscriptionStatus.apply(filter);
                connection.send(switch (status) {
                    case "200" -> PushJson.subscriptionCreated(messageId, filter);
                    case "403" -> PushJson.subscriptionRefused(messageId, 403, "CMN-401", "In order to call this API endpoint, application needs to have [CallControl] permission", null);
                    case "429" -> PushJson.subscriptionRefused(messageId, 429, "CMN-301", "Request rate exceeded", "1");
                    default -> PushJson.subscriptionRefused(messageId, Integer.parseInt(status), "CMN-102", "Resource not found", null);
                });
            }
            case "Heartbeat" -> {
                heartbeats.add(messageId);
                if (answerHeartbeats) {
                    connection.send(PushJson.heartbeatAnswer(messageId));
                }
            }
            default -> {
            }
        }
    }

    private NotificationSession open(RingCentralSettings.Builder settings) {
        adapter = RingCentralAdapter.create(settings.build(), "US", clock);
        session = adapter.notifications().open(tokens, recorder);
        return session;
    }

    private NotificationSession open() {
        return open(settings());
    }

    private RingCentralSettings.Builder settings() {
        return TestAdapters.settings(ringCentral.baseUrl())
                .pushReconnectInitialBackoff(Duration.ofMillis(20))
                .pushReconnectMaxBackoff(Duration.ofMillis(100));
    }

    private static String incoming(String partyId, String extensionId, String extensionNumber, String status) {
        return party(partyId, extensionId, "Inbound", end("+16025551234", "ADA LOVELACE", null, null),
                end("+16505550100", "Desk " + extensionNumber, extensionId, extensionNumber), status, false);
    }

    // ---- subscribing and events -------------------------------------------------------------------

    @Test
    void subscribesToEveryCallOfTheCompanyAndDeliversEventsAsTheyArrive() throws Exception {
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        assertThat(connection.query("access_token")).isEqualTo(WS_TOKEN);
        assertThat(connection.query("wsc")).isNull();
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken"))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN.value())));
        assertThat(subscribedFilters).containsExactly("/restapi/v1.0/account/~/telephony/sessions");
        assertThat(recorder.lines).containsExactly("subscribed COMPANY");

        // Ringing at 102, then at 103, then answered at 103 and 102 let go, sent out of order (5 before 4).
        connection.send(PushJson.telephonySession("wsc-token-1", 1, "s-a1", 3, "2026-11-22T18:30:00Z",
                incoming("p-1", "62264425102", "102", "Proceeding")));
        connection.send(PushJson.telephonySession("wsc-token-1", 3, "s-a1", 5, "2026-11-22T18:30:09Z",
                incoming("p-1", "62264425102", "102", "Disconnected"), incoming("p-2", "62264425103", "103", "Answered")));
        connection.send(PushJson.telephonySession("wsc-token-1", 2, "s-a1", 4, "2026-11-22T18:30:02Z",
                incoming("p-2", "62264425103", "103", "Proceeding")));
        PushRecorder.eventually(() -> recorder.events.size() == 4, Duration.ofSeconds(10), "four events");

        assertThat(recorder.linesStartingWith("event")).containsExactly(
                "event s-a1 #3 p-1 PROCEEDING",
                "event s-a1 #5 p-1 DISCONNECTED",
                "event s-a1 #5 p-2 ANSWERED",
                "event s-a1 #4 p-2 PROCEEDING");
        assertThat(recorder.events.get(2).extension().number()).isEqualTo("103");
        assertThat(recorder.threads).allMatch(name -> name.startsWith("ringcentral-push-"));
        assertThat(recorder.overlapping).hasValue(0);
    }

    @Test
    void withoutCallControlItFallsBackToTheConnectedExtensionsPresenceAndSaysWhy() throws Exception {
        subscriptionStatus = filter -> filter.contains("/telephony/sessions") ? "403" : "200";
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        assertThat(subscribedFilters).containsExactly("/restapi/v1.0/account/~/telephony/sessions",
                "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true");
        assertThat(recorder.lines).containsExactly("subscribed CONNECTED_EXTENSION (limited)");
        assertThat(recorder.limitations.getFirst()).contains("CallControl").contains("connected user's own extension")
                .contains("connect RingCentral again");

        connection.send(PushJson.presence("wsc-token-1", 1, 2698, "Ringing",
                PushJson.activeCall("call-1", "+16025551234", "ADA", "s-p1", "Ringing")));
        connection.send(PushJson.presence("wsc-token-1", 2, 2699, "CallConnected",
                PushJson.activeCall("call-1", "+16025551234", "ADA", "s-p1", "CallConnected")));
        // The call leaves the list without a NoCall entry of its own: it ended.
        connection.send(PushJson.presence("wsc-token-1", 3, 2700, "NoCall"));
        PushRecorder.eventually(() -> recorder.events.size() == 3, Duration.ofSeconds(10), "three events");

        String party = "presence-" + PushJson.OWNER_EXTENSION_ID + "-call-1";
        assertThat(recorder.linesStartingWith("event")).containsExactly(
                "event s-p1 #2698 " + party + " PROCEEDING",
                "event s-p1 #2699 " + party + " ANSWERED",
                "event s-p1 #2700 " + party + " DISCONNECTED");
    }

    @Test
    void withNeitherCallControlNorReadPresenceItStopsAndSaysWhatToAdd() throws Exception {
        subscriptionStatus = filter -> "403";
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));

        String stopped = recorder.await("stopped");
        assertThat(stopped).contains("CallControl").contains("ReadPresence");
        assertThat(recorder.lines).containsExactly(stopped);
        PushRecorder.eventually(connection::isClosed, Duration.ofSeconds(5), "the socket closed");
        assertNoPushThreadLeft();
    }

    @Test
    void aMedium429OnSubscribingWaitsForRetryAfterPenalisesMediumAndThenSubscribes() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        subscriptionStatus = filter -> asked.incrementAndGet() == 1 ? "429" : "200";
        open();
        gateway.nextConnection(Duration.ofSeconds(10));
        PushRecorder.eventually(() -> asked.get() == 1, Duration.ofSeconds(10), "the first subscription");
        PushRecorder.eventually(() -> adapter.rateLimitState().of(RateLimitGroup.MEDIUM).isBlocked(), Duration.ofSeconds(5),
                "Medium blocked");
        long blockedAt = System.nanoTime();

        assertThat(adapter.rateLimitState().of(RateLimitGroup.MEDIUM).blockReason()).isEqualTo(BlockReason.RINGCENTRAL_PENALTY);
        assertThat(adapter.rateLimitState().of(RateLimitGroup.MEDIUM).blockedUntil()).isEqualTo(NOW.plusSeconds(1));
        // The platform's clock moves on; the session sends nothing in the penalty and then subscribes.
        clock.advance(Duration.ofSeconds(1));
        recorder.await("subscribed");
        assertThat(Duration.ofNanos(System.nanoTime() - blockedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(asked).hasValue(2);
        assertThat(recorder.lines).containsExactly("subscribed COMPANY");
        assertThat(gateway.connections()).hasSize(1);
    }

    @Test
    void anotherSubscriptionRefusalDropsTheConnectionAndStartsANewSession() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        subscriptionStatus = filter -> asked.incrementAndGet() == 1 ? "404" : "200";
        open();

        recorder.await("subscribed");
        assertThat(recorder.lines.getFirst()).startsWith("down RingCentral refused the push subscription (HTTP 404, CMN-102)");
        assertThat(gateway.connections()).hasSize(2);
        assertThat(gateway.connections().get(1).query("wsc")).isNull();
    }

    // ---- keep-alive -------------------------------------------------------------------------------

    @Test
    void aPingFromTheGatewayIsAnsweredWithAPong() throws Exception {
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        connection.ping();
        connection.ping();

        PushRecorder.eventually(() -> gateway.pongsReceived() == 2, Duration.ofSeconds(5), "two pongs");
    }

    @Test
    void aHeartbeatGoesOnlyAfterSilenceAndAnAnsweredOneKeepsTheConnection() throws Exception {
        open(settings().pushHeartbeatInterval(Duration.ofMillis(400)).pushHeartbeatTimeout(Duration.ofMillis(400)));
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        // While the gateway talks more often than the interval, no heartbeat goes out.
        for (int i = 0; i < 10; i++) {
            connection.send(PushJson.telephonySession("wsc-token-1", i + 1, "s-talk", i + 1, "2026-11-22T18:30:00Z",
                    incoming("p-1", "62264425102", "102", "Proceeding")));
            PushRecorder.sleep(100);
        }
        assertThat(heartbeats).isEmpty();

        // Silence: heartbeats go, are answered, and the connection stays.
        PushRecorder.eventually(() -> heartbeats.size() >= 2, Duration.ofSeconds(5), "two heartbeats");
        assertThat(gateway.connections()).hasSize(1);
        assertThat(recorder.count("down")).isZero();
    }

    @Test
    void onABusyLineAHeartbeatStillGoesBeforeTheGatewaysIdleTimeout() throws Exception {
        // RingCentral's idle timeout counts what the client sends; here it is 2 s, so a heartbeat goes after 1 s
        // (checked once a second), though the gateway talks every 100 ms and the heartbeat interval is 30 s.
        gateway.onOpen(connection -> connection.send(PushJson.connectionDetails("wsc-token-1", 0, null, 2)));
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        long started = System.nanoTime();
        for (int i = 0; i < 30 && heartbeats.isEmpty(); i++) {
            connection.send(PushJson.telephonySession("wsc-token-1", i + 1, "s-busy", i + 1, "2026-11-22T18:30:00Z",
                    incoming("p-1", "62264425102", "102", "Proceeding")));
            PushRecorder.sleep(100);
        }

        assertThat(heartbeats).isNotEmpty();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
    }

    @Test
    void anUnansweredHeartbeatMeansADeadConnectionWhichIsRecovered() throws Exception {
        open(settings().pushHeartbeatInterval(Duration.ofMillis(300)).pushHeartbeatTimeout(Duration.ofMillis(300)));
        Connection first = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");
        answerHeartbeats = false;

        String down = recorder.await("down");
        answerHeartbeats = true;
        Connection second = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("recovered");

        assertThat(down).contains("did not answer a heartbeat within 300 ms");
        assertThat(second.query("wsc")).isEqualTo("wsc-token-1");
        assertThat(second.query("access_token")).isEqualTo(WS_TOKEN);
        PushRecorder.eventually(first::isClosed, Duration.ofSeconds(5), "the dead socket closed");
        assertThat(recorder.lines).containsExactly("subscribed COMPANY", down, "recovered");
        assertThat(subscribedFilters).hasSize(1);
        // A fresh WebSocket token for each connection.
        ringCentral.verify(2, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken")));
    }

    // ---- drops and recovery -----------------------------------------------------------------------

    @Test
    void theGatewaysIdleTimeoutErrorIsRecoveredWithTheLastSessionToken() throws Exception {
        open();
        Connection first = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");
        // A notification moves the session's wsc on: recovery must send the newest token.
        first.send(PushJson.telephonySession("wsc-token-1b", 4, "s-a1", 3, "2026-11-22T18:30:00Z",
                incoming("p-1", "62264425102", "102", "Proceeding")));
        recorder.await("event");

        first.send(PushJson.gatewayError("WSG-902", "Idle timeout expired"));
        Connection second = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("recovered");
        // Replayed after the recovery: delivered like any other.
        second.send(PushJson.telephonySession("wsc-token-2", 5, "s-a1", 4, "2026-11-22T18:30:03Z",
                incoming("p-1", "62264425102", "102", "Answered")));
        recorder.await("event s-a1 #4");

        assertThat(second.query("wsc")).isEqualTo("wsc-token-1b");
        assertThat(recorder.lines).containsExactly("subscribed COMPANY", "event s-a1 #3 p-1 PROCEEDING",
                "down RingCentral's push gateway ended the connection (WSG-902, idle timeout)", "recovered",
                "event s-a1 #4 p-1 ANSWERED");
    }

    @Test
    void aFailedRecoverySubscribesAgain() throws Exception {
        recoveryState = "Failed";
        open();
        Connection first = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        first.drop();
        Connection second = gateway.nextConnection(Duration.ofSeconds(10));
        PushRecorder.eventually(() -> recorder.count("subscribed") == 2, Duration.ofSeconds(10), "a second subscription");

        assertThat(second.query("wsc")).isEqualTo("wsc-token-1");
        assertThat(recorder.lines).hasSize(3);
        assertThat(recorder.lines.get(0)).isEqualTo("subscribed COMPANY");
        assertThat(recorder.lines.get(1)).startsWith("down ");
        assertThat(recorder.lines.get(2)).isEqualTo("subscribed COMPANY");
        assertThat(subscribedFilters).hasSize(2);
    }

    @Test
    void aDropOlderThanTheRecoveryTimeoutStartsANewSessionAndSubscribes() throws Exception {
        open();
        Connection first = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");
        // Time passes beyond RingCentral's 180 s while the session is down (before it reconnects).
        recorder.whenDown = reason -> clock.advance(Duration.ofSeconds(181));

        first.closeNormally();
        Connection second = gateway.nextConnection(Duration.ofSeconds(10));
        PushRecorder.eventually(() -> recorder.count("subscribed") == 2, Duration.ofSeconds(10), "a second subscription");

        assertThat(second.query("wsc")).isNull();
        assertThat(recorder.lines.get(1)).isEqualTo("down RingCentral closed the push connection (close code 1000)");
        assertThat(recorder.count("recovered")).isZero();
    }

    @Test
    void aRefusedHandshakeIsRetriedWithBackoffAndAFreshTokenEachTime() throws Exception {
        gateway.refuseHandshakesWith(401);
        // Each try costs an Auth request (the WebSocket token); the default budget of 5 would pause push after 3.
        open(settings().rateLimitAuth(50));
        PushRecorder.eventually(() -> recorder.count("down") >= 3, Duration.ofSeconds(10), "three failed tries");
        gateway.refuseHandshakesWith(0);
        recorder.await("subscribed");

        assertThat(recorder.lines.getFirst()).isEqualTo("down RingCentral's WebSocket gateway refused the connection (HTTP 401)");
        int tries = (int) recorder.count("down") + 1;
        ringCentral.verify(tries, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken")));
    }

    // ---- tokens and permissions -------------------------------------------------------------------

    @Test
    void aRejectedAccessTokenIsReplacedOnceAndTheWebSocketTokenAskedAgain() throws Exception {
        ringCentral.stubFor(post("/restapi/oauth/wstoken").withHeader("Authorization", equalTo("Bearer " + TOKEN.value()))
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody(RingCentralJson.apiError("OAU-128", "Access token expired"))));
        tokens.replacement = () -> Optional.of(FRESH_TOKEN);
        open();

        recorder.await("subscribed");
        assertThat(tokens.rejected).containsExactly(TOKEN);
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken"))
                .withHeader("Authorization", equalTo("Bearer " + FRESH_TOKEN.value())));
        assertThat(recorder.lines).containsExactly("subscribed COMPANY");
    }

    @Test
    void aRevokedConnectionStopsTheSessionForGood() throws Exception {
        ringCentral.stubFor(post("/restapi/oauth/wstoken").willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json").withBody(RingCentralJson.apiError("OAU-213", "Token is revoked"))));
        tokens.replacement = Optional::empty;
        open();

        String stopped = recorder.await("stopped");
        assertThat(stopped).contains("an admin must connect RingCentral again");
        assertThat(recorder.lines).containsExactly(stopped);
        assertThat(gateway.connections()).isEmpty();
        assertNoPushThreadLeft();
    }

    @Test
    void noConnectionAtAllStopsWithoutAskingRingCentral() {
        tokens.current = Optional::empty;
        open();

        assertThat(recorder.await("stopped")).contains("not connected");
        ringCentral.verify(0, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken")));
        assertNoPushThreadLeft();
    }

    @Test
    void anAppWithoutWebSocketsSubscriptionStopsAndNamesThePermission() {
        ringCentral.stubFor(post("/restapi/oauth/wstoken").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody(RingCentralJson.apiError("CMN-401",
                        "In order to call this API endpoint, application needs to have [WebSocketsSubscription] permission"))));
        open();

        assertThat(recorder.await("stopped")).contains("WebSocketsSubscription");
        ringCentral.verify(1, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken")));
        assertThat(gateway.connections()).isEmpty();
    }

    @Test
    void aRefreshThatFailsForNowIsRiddenOutWithBackoff() {
        AtomicInteger asked = new AtomicInteger();
        tokens.current = () -> {
            if (asked.incrementAndGet() <= 2) {
                throw new RingCentralUnavailableException("RingCentral answered HTTP 503 to the token refresh");
            }
            return Optional.of(TOKEN);
        };
        open();

        recorder.await("subscribed");
        assertThat(recorder.lines).containsExactly("down RingCentral answered HTTP 503 to the token refresh",
                "down RingCentral answered HTTP 503 to the token refresh", "subscribed COMPANY");
    }

    @Test
    void aWebSocketTokenRequestLeavesTwoAuthRequestsForTokenRefreshes() {
        RateLimits limits = new RateLimits(settings().rateLimitAuth(5).build(), clock);
        limits.acquire(RateLimitGroup.AUTH);
        limits.acquire(RateLimitGroup.AUTH);
        limits.acquire(RateLimitGroup.AUTH, PushGateway.AUTH_RESERVE);

        // Three went in this window: push may not take the fourth, a refresh may take the fourth and fifth.
        assertThatThrownBy(() -> limits.acquire(RateLimitGroup.AUTH, PushGateway.AUTH_RESERVE))
                .isInstanceOfSatisfying(RingCentralRateLimitedException.class,
                        limited -> assertThat(limited.until()).isEqualTo(NOW.plusSeconds(60)));
        limits.acquire(RateLimitGroup.AUTH);
        limits.acquire(RateLimitGroup.AUTH);
        assertThatThrownBy(() -> limits.acquire(RateLimitGroup.AUTH)).isInstanceOf(RingCentralRateLimitedException.class);
    }

    // ---- lifecycle --------------------------------------------------------------------------------

    @Test
    void pushTurnedOffStopsAtOnceAndSaysSo() {
        open(settings().pushEnabled(false));

        assertThat(recorder.await("stopped")).contains("ringcentral.push-enabled=false");
        ringCentral.verify(0, postRequestedFor(urlPathEqualTo("/restapi/oauth/wstoken")));
    }

    @Test
    void afterCloseReturnsNoListenerCallHappensAndTheThreadEnds() throws Exception {
        open();
        Connection connection = gateway.nextConnection(Duration.ofSeconds(10));
        recorder.await("subscribed");

        session.close();
        recorder.closed.set(true);
        for (int i = 0; i < 5; i++) {
            connection.send(PushJson.telephonySession("wsc-token-1", i, "s-late", i, "2026-11-22T18:30:00Z",
                    incoming("p-1", "62264425102", "102", "Proceeding")));
        }
        connection.drop();
        PushRecorder.sleep(300);

        assertThat(recorder.callsAfterClose).hasValue(0);
        assertThat(recorder.lines).containsExactly("subscribed COMPANY");
        assertNoPushThreadLeft();
        assertThat(gateway.connections()).hasSize(1);
    }

    @Test
    void theGatewaysOtherHostIsUsedWithAWarning() throws Exception {
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        Logger logger = (Logger) LoggerFactory.getLogger(PushSession.class);
        logger.addAppender(logged);
        try {
            open();
            gateway.nextConnection(Duration.ofSeconds(10));
            recorder.await("subscribed");
        } finally {
            logger.detachAppender(logged);
        }
        // WireMock answers on localhost; the gateway it names is 127.0.0.1.
        assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage)
                .anyMatch(line -> line.contains("gateway is on host 127.0.0.1, not on ringcentral.base-url's host localhost"));
    }

    private static void assertNoPushThreadLeft() {
        PushRecorder.eventually(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(thread -> thread.isAlive() && thread.getName().startsWith("ringcentral-push-")),
                Duration.ofSeconds(5), "every ringcentral-push thread ended");
    }
}
