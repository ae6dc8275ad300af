package io.ringside.adapters.ringcentral;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.ringside.adapters.ringcentral.wire.PresenceEventBody;
import io.ringside.adapters.ringcentral.wire.TelephonySessionBody;
import io.ringside.domain.CallEvent;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.Extension;
import io.ringside.domain.PartyStatus;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.ringside.adapters.ringcentral.PushJson.end;
import static io.ringside.adapters.ringcentral.PushJson.party;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** RingCentral's WebSocket messages read, and its notification bodies turned into call events. */
class PushMessagesTest {

    private static final Instant NOW = Instant.parse("2026-11-22T18:30:05Z");
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final PushEvents events = new PushEvents(new PhoneNumbers("US"));

    // ---- frames -----------------------------------------------------------------------------------

    @Test
    void connectionDetailsCarriesTheSessionTokenSequenceAndRecoveryTimeout() {
        PushFrame frame = PushFrame.parse(json, PushJson.connectionDetails("wsc-token-1", 7, "Successful")).orElseThrow();

        assertThat(frame.type()).isEqualTo("ConnectionDetails");
        assertThat(frame.wsc()).isEqualTo(new PushFrame.Wsc("wsc-token-1", 7));
        assertThat(frame.body().get("recoveryTimeout").asInt()).isEqualTo(180);
        assertThat(frame.body().get("recoveryState").asString()).isEqualTo("Successful");
        assertThat(frame.toString()).doesNotContain("wsc-token-1");
    }

    @Test
    void aRefusedClientRequestKeepsItsStatusHeadersAndError() {
        PushFrame frame = PushFrame.parse(json, PushJson.subscriptionRefused("m-1", 429, "CMN-301", "Request rate exceeded", "17"))
                .orElseThrow();

        assertThat(frame.type()).isEqualTo("ClientRequest");
        assertThat(frame.messageId()).isEqualTo("m-1");
        assertThat(frame.status()).isEqualTo(429);
        assertThat(frame.header("retry-after")).contains("17");
        assertThat(frame.body().get("errorCode").asString()).isEqualTo("CMN-301");
    }

    @Test
    void whatIsNotTheProtocolsArrayIsNoFrame() {
        assertThat(PushFrame.parse(json, "not json")).isEmpty();
        assertThat(PushFrame.parse(json, "{\"type\":\"Heartbeat\"}")).isEmpty();
        assertThat(PushFrame.parse(json, "[]")).isEmpty();
        assertThat(PushFrame.parse(json, "[{\"messageId\":\"no type\"}]")).isEmpty();
    }

    @Test
    void theSubscribeRequestIsRingCentralsClientRequest() {
        JsonNode request = json.readTree(PushFrame.subscribeRequest(json, "id-1", List.of(PushSubscription.COMPANY_FILTER)));

        assertThat(request.size()).isEqualTo(2);
        assertThat(request.get(0).get("type").asString()).isEqualTo("ClientRequest");
        assertThat(request.get(0).get("messageId").asString()).isEqualTo("id-1");
        assertThat(request.get(0).get("method").asString()).isEqualTo("POST");
        assertThat(request.get(0).get("path").asString()).isEqualTo("/restapi/v1.0/subscription/");
        assertThat(request.get(1).get("eventFilters").get(0).asString()).isEqualTo("/restapi/v1.0/account/~/telephony/sessions");
        assertThat(request.get(1).get("deliveryMode").get("transportType").asString()).isEqualTo("WebSocket");
        JsonNode heartbeat = json.readTree(PushFrame.heartbeat(json, "hb-1"));
        assertThat(heartbeat.size()).isEqualTo(1);
        assertThat(heartbeat.get(0).get("type").asString()).isEqualTo("Heartbeat");
        assertThat(heartbeat.get(0).get("messageId").asString()).isEqualTo("hb-1");
    }

    // ---- telephony sessions -----------------------------------------------------------------------

    @Test
    void aRingingCallAtAColleaguesExtensionIsOneEventPerParty() {
        String ringing102 = party("p-1", "62264425102", "Inbound", end("+16025551234", "ADA LOVELACE", null, null),
                end("+16505550100", "Sam Rivera", "62264425102", "102"), "Proceeding", false);
        String ringing103 = party("p-2", "62264425103", "Inbound", end("+16025551234", "ADA LOVELACE", null, null),
                end("+16505550100", "Maria Lopez", "62264425103", "103"), "Proceeding", false);

        List<CallEvent> mapped = telephony(PushJson.telephonySession("w", 1, "s-a1", 4, "2026-11-22T18:30:00.512Z", ringing102, ringing103));

        assertThat(mapped).extracting(CallEvent::telephonySessionId, CallEvent::sequence, CallEvent::partyId, CallEvent::status,
                        CallEvent::direction, CallEvent::dialledNumber)
                .containsExactly(
                        tuple("s-a1", 4L, "p-1", PartyStatus.PROCEEDING, Direction.INBOUND, "+16505550100"),
                        tuple("s-a1", 4L, "p-2", PartyStatus.PROCEEDING, Direction.INBOUND, "+16505550100"));
        assertThat(mapped.get(0).eventTime()).isEqualTo(Instant.parse("2026-11-22T18:30:00.512Z"));
        assertThat(mapped.get(0).from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "ADA LOVELACE"));
        assertThat(mapped.get(0).extension()).isEqualTo(new Extension("62264425102", "102", "Sam Rivera"));
        assertThat(mapped.get(1).extension()).isEqualTo(new Extension("62264425103", "103", "Maria Lopez"));
        assertThat(mapped.get(0).missedCall()).isFalse();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Setup, SETUP", "Proceeding, PROCEEDING", "Answered, ANSWERED", "Hold, HOLD", "Parked, PARKED",
            "VoiceMail, VOICEMAIL", "Disconnected, DISCONNECTED", "Gone, GONE"})
    void everyStatusCodeRingCentralDocumentsForCalls(String code, PartyStatus expected) {
        String one = party("p-1", "62264425102", "Inbound", end("+16025551234", null, null, null), end("+16505550100", null, "62264425102", "102"),
                code, false);

        assertThat(telephony(PushJson.telephonySession("w", 1, "s-a1", 9, "2026-11-22T18:30:00Z", one)))
                .singleElement().extracting(CallEvent::status).isEqualTo(expected);
    }

    @Test
    void anUnknownStatusCodeOrAPartyWithoutIdIsSkippedAndTheCodeNamedInTheLog() {
        ListAppender<ILoggingEvent> logged = capture();
        String fax = party("p-1", "62264425102", "Inbound", end("+16025551234", null, null, null), end("+16505550100", null, "62264425102", "102"),
                "FaxReceive", false);
        String noId = party("", "62264425103", "Inbound", end("+16025551234", null, null, null), end("+16505550100", null, "62264425103", "103"),
                "Proceeding", false);
        String good = party("p-3", "62264425101", "Inbound", end("+16025551234", null, null, null), end("+16505550100", null, "62264425101", "101"),
                "Answered", false);
        try {
            List<CallEvent> mapped = telephony(PushJson.telephonySession("w", 1, "s-a1", 5, "2026-11-22T18:30:00Z", fax, noId, good));

            assertThat(mapped).extracting(CallEvent::partyId).containsExactly("p-3");
            assertThat(logged.list).extracting(ILoggingEvent::getFormattedMessage).anyMatch(line -> line.contains("'FaxReceive'"));
        } finally {
            release(logged);
        }
    }

    @Test
    void aQueuePartyWithoutExtensionHasNoExtensionAndAMissedCallIsFlagged() {
        String queue = party("p-q", null, "Inbound", end("+16025551234", "Ada", null, null), end("+16505550100", "Sales queue", null, null),
                "Disconnected", true);

        CallEvent event = telephony(PushJson.telephonySession("w", 1, "s-a1", 12, "2026-11-22T18:30:00Z", queue)).getFirst();

        assertThat(event.extension()).isNull();
        assertThat(event.missedCall()).isTrue();
    }

    @Test
    void callerIdsGoThroughThePhoneNumberRules() {
        String internal = party("p-1", "62264425103", "Inbound", end(null, "Sam Rivera", "62264425102", "102"),
                end(null, "Maria Lopez", "62264425103", "103"), "Setup", false);
        String masked = party("p-2", "62264425101", "Inbound", end("+1855201XXXX", null, null, null), end("+16505550100", null, "62264425101", "101"),
                "Proceeding", false);
        String formatted = party("p-3", "62264425104", "Inbound", end("(602) 555-1234", "ADA", null, null), end("+16505550100", null, "62264425104", "104"),
                "Proceeding", false);
        String outbound = party("p-4", "62264425101", "Outbound", end("+16505550100", "Front Desk", "62264425101", "101"),
                end("+16025551234", null, null, null), "Answered", false);

        List<CallEvent> mapped = telephony(PushJson.telephonySession("w", 1, "s-a1", 3, "2026-11-22T18:30:00Z", internal, masked, formatted, outbound));

        assertThat(mapped.get(0).from()).isEqualTo(new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Sam Rivera"));
        assertThat(mapped.get(1).from()).isEqualTo(UnusableCallerId.because(UnusableCallerId.Reason.MASKED));
        assertThat(mapped.get(2).from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "ADA"));
        assertThat(mapped.get(3).direction()).isEqualTo(Direction.OUTBOUND);
        assertThat(mapped.get(3).extension()).isEqualTo(new Extension("62264425101", "101", "Front Desk"));
    }

    @Test
    void aBodyWithoutSequenceOrSessionIsSkippedWhole() {
        TelephonySessionBody noSequence = new TelephonySessionBody(null, "1", "s-1", null, "2026-11-22T18:30:00Z", List.of());
        TelephonySessionBody noSession = new TelephonySessionBody(3L, "1", null, null, "2026-11-22T18:30:00Z", List.of());

        assertThat(events.fromTelephonySession(noSequence, null, NOW)).isEmpty();
        assertThat(events.fromTelephonySession(noSession, null, NOW)).isEmpty();
    }

    @Test
    void eventTimeFallsBackToTheNotificationsTimestampThenNow() {
        TelephonySessionBody body = new TelephonySessionBody(3L, "1", "s-1", null, "not a time", List.of(
                new TelephonySessionBody.Party("p-1", null, "62264425101", "Inbound", null, null,
                        new TelephonySessionBody.Status("Proceeding", null), null)));
        Instant notified = Instant.parse("2026-11-22T18:30:01Z");

        assertThat(events.fromTelephonySession(body, notified, NOW).getFirst().eventTime()).isEqualTo(notified);
        assertThat(events.fromTelephonySession(body, null, NOW).getFirst().eventTime()).isEqualTo(NOW);
        assertThat(events.fromTelephonySession(body, null, NOW).getFirst().from())
                .isEqualTo(UnusableCallerId.because(UnusableCallerId.Reason.ANONYMOUS));
    }

    // ---- detailed presence (fallback) -------------------------------------------------------------

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"Ringing, PROCEEDING", "CallConnected, ANSWERED", "OnHold, HOLD", "ParkedCall, PARKED", "NoCall, DISCONNECTED"})
    void presenceGivesOneEventPerActiveCall(String telephonyStatus, PartyStatus expected) {
        List<CallEvent> mapped = presence(PushJson.presence("w", 1, 2698, telephonyStatus,
                PushJson.activeCall("call-1", "+16025551234", "ADA", "s-p1", telephonyStatus)));

        assertThat(mapped).singleElement().satisfies(event -> {
            assertThat(event.partyId()).isEqualTo("presence-" + PushJson.OWNER_EXTENSION_ID + "-call-1");
            assertThat(event.telephonySessionId()).isEqualTo("s-p1");
            assertThat(event.sequence()).isEqualTo(2698);
            assertThat(event.status()).isEqualTo(expected);
            assertThat(event.extension()).isEqualTo(new Extension(PushJson.OWNER_EXTENSION_ID, null, null));
            assertThat(event.from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "ADA"));
            assertThat(event.dialledNumber()).isEqualTo("+16505550100");
            assertThat(event.eventTime()).isEqualTo(Instant.parse("2026-11-22T18:30:02Z"));
        });
    }

    @Test
    void anUnknownPresenceStatusIsSkipped() {
        assertThat(presence(PushJson.presence("w", 1, 5, "Ringing", PushJson.activeCall("call-1", "+16025551234", "ADA", "s-p1", "Dialing"))))
                .isEmpty();
    }

    // ---- backoff ----------------------------------------------------------------------------------

    @Test
    void backoffDoublesUpToTheMaximumWithJitterBetweenHalfAndAll() {
        PushBackoff low = new PushBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.0);
        PushBackoff high = new PushBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), () -> 0.999999);

        assertThat(List.of(0, 1, 2, 3, 6, 7, 40)).map(low::delay).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(30));
        assertThat(List.of(0, 1, 5, 6, 40)).map(high::delay).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2),
                Duration.ofSeconds(32), Duration.ofSeconds(60), Duration.ofSeconds(60));
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private List<CallEvent> telephony(String message) {
        JsonNode envelope = PushFrame.parse(json, message).orElseThrow().body();
        Instant notified = PushEvents.instant(envelope.get("timestamp").asString()).orElseThrow();
        return events.fromTelephonySession(json.treeToValue(envelope.get("body"), TelephonySessionBody.class), notified, NOW);
    }

    private List<CallEvent> presence(String message) {
        JsonNode envelope = PushFrame.parse(json, message).orElseThrow().body();
        Instant notified = PushEvents.instant(envelope.get("timestamp").asString()).orElseThrow();
        return events.fromPresence(json.treeToValue(envelope.get("body"), PresenceEventBody.class), notified, NOW);
    }

    private static ListAppender<ILoggingEvent> capture() {
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        ((Logger) LoggerFactory.getLogger(PushEvents.class)).addAppender(appender);
        return appender;
    }

    private static void release(ListAppender<ILoggingEvent> appender) {
        ((Logger) LoggerFactory.getLogger(PushEvents.class)).detachAppender(appender);
    }
}
