package io.ringside.adapters.ringcentral;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralRejectedException.Reason;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallState;
import io.ringside.domain.Caller;
import io.ringside.domain.Direction;
import io.ringside.domain.InboundCall;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.UnusableCallerId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.RingCentralJson.activeCall;
import static io.ringside.adapters.ringcentral.RingCentralJson.callLogPage;
import static io.ringside.adapters.ringcentral.RingCentralJson.callLogRecord;
import static io.ringside.adapters.ringcentral.RingCentralJson.from;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RingCentralCallsTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String COMPANY_CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";
    private static final AccessToken TOKEN = new AccessToken("the-access-token", NOW.plusSeconds(3600));
    private static final Instant SINCE = Instant.parse("2026-11-22T17:30:00Z");

    private final MutableClock clock = TestAdapters.clock();
    private RingCentralAdapter adapter;

    private RingCentralCalls calls(RingCentralSettings.Builder settings) {
        adapter = RingCentralAdapter.create(settings.build(), "US", clock);
        return adapter.calls();
    }

    private RingCentralCalls calls() {
        return calls(TestAdapters.settings(ringCentral.baseUrl()));
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void theCallLogAsksForInboundVoiceCallsSinceAnExplicitTimeAndFollowsTheNextPage() {
        String pageTwo = "https://platform.ringcentral.com/restapi/v1.0/account/403391985008/call-log"
                + "?direction=Inbound&type=Voice&view=Simple&dateFrom=2026-11-22T17:30:00.000Z&page=2&perPage=2";
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(callLogPage(1, pageTwo,
                callLogRecord("A1", "2026-11-22T18:20:00.000Z", "Accepted", from("+16025551234", "Ada Lovelace")),
                callLogRecord("A2", "2026-11-22T18:15:00.000Z", "Missed", from("16025559876", "Grace Hopper"))))));
        ringCentral.stubFor(get(urlPathEqualTo("/restapi/v1.0/account/403391985008/call-log"))
                .withQueryParam("page", equalTo("2"))
                .willReturn(okJson(callLogPage(2, null,
                        callLogRecord("A3", "2026-11-22T17:45:00.000Z", "Voicemail", from("(602) 555-0000", "Alan Turing"))))));

        List<InboundCall> log = calls().callLog(TOKEN, SINCE);

        assertThat(log).extracting(InboundCall::id, call -> ((Caller) call.from()).number(), InboundCall::state, InboundCall::startTime)
                .containsExactly(
                        tuple("A1", PhoneNumber.of("+16025551234"), CallState.ENDED, Instant.parse("2026-11-22T18:20:00Z")),
                        tuple("A2", PhoneNumber.of("+16025559876"), CallState.MISSED, Instant.parse("2026-11-22T18:15:00Z")),
                        tuple("A3", PhoneNumber.of("+16025550000"), CallState.VOICEMAIL, Instant.parse("2026-11-22T17:45:00Z")));
        InboundCall first = log.getFirst();
        assertThat(first.telephonySessionId()).isEqualTo("s-a0d7a4b3c8f2bz1869b5d1f5cz5d9aA1");
        assertThat(first.direction()).isEqualTo(Direction.INBOUND);
        assertThat(first.dialledNumber()).isEqualTo("+16505550100");
        assertThat(first.from().name()).isEqualTo("Ada Lovelace");
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG))
                .withHeader("Authorization", equalTo("Bearer the-access-token"))
                .withQueryParam("direction", equalTo("Inbound"))
                .withQueryParam("type", equalTo("Voice"))
                .withQueryParam("view", equalTo("Simple"))
                .withQueryParam("dateFrom", equalTo("2026-11-22T17:30:00Z"))
                .withQueryParam("perPage", equalTo("100"))
                .withQueryParam("page", absent()));
        // The next page is fetched from the configured server, not the host named in the link.
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo("/restapi/v1.0/account/403391985008/call-log"))
                .withHeader("Authorization", equalTo("Bearer the-access-token"))
                .withQueryParam("page", equalTo("2")));
    }

    @Test
    void theDateFromSentIsTheSinceAskedFor() {
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(callLogPage(1, null))));

        calls().callLog(TOKEN, Instant.parse("2026-11-22T16:58:07.123456Z"));

        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG))
                .withQueryParam("dateFrom", equalTo("2026-11-22T16:58:07.123Z")));
    }

    @Test
    void theExtensionScopeReadsTheConnectedUsersCallLog() {
        String extensionLog = "/restapi/v1.0/account/~/extension/~/call-log";
        ringCentral.stubFor(get(urlPathEqualTo(extensionLog)).willReturn(okJson(callLogPage(1, null,
                callLogRecord("E1", "2026-11-22T18:20:00.000Z", "Call connected", from("+16025551234", "Ada"))))));

        List<InboundCall> log = calls(TestAdapters.settings(ringCentral.baseUrl()).callLogScope(CallLogScope.EXTENSION).callLogPerPage(25))
                .callLog(TOKEN, SINCE);

        assertThat(log).extracting(InboundCall::id).containsExactly("E1");
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(extensionLog)).withQueryParam("perPage", equalTo("25")));
        ringCentral.verify(0, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG)));
    }

    @Test
    void pagesAreFollowedOnlyUpToTheLimit() {
        String nextPage = ringCentral.baseUrl() + COMPANY_CALL_LOG + "?page=2";
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(callLogPage(1, nextPage,
                callLogRecord("L1", "2026-11-22T18:20:00.000Z", "Accepted", from("+16025551234", "Ada"))))));

        List<InboundCall> log = calls(TestAdapters.settings(ringCentral.baseUrl()).callLogMaxPages(3)).callLog(TOKEN, SINCE);

        assertThat(log).hasSize(3);
        ringCentral.verify(3, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG)));
    }

    @Test
    void aServerMountedUnderAPathIsFollowedThere() {
        // The demo simulator serves RingCentral's API under /simulator; its links carry that prefix.
        String mounted = "/simulator" + COMPANY_CALL_LOG;
        ringCentral.stubFor(get(urlPathEqualTo(mounted)).withQueryParam("page", absent()).willReturn(okJson(callLogPage(1,
                ringCentral.baseUrl() + mounted + "?page=2",
                callLogRecord("M1", "2026-11-22T18:20:00.000Z", "Accepted", from("+16025551234", "Ada"))))));
        ringCentral.stubFor(get(urlPathEqualTo(mounted)).withQueryParam("page", equalTo("2")).willReturn(okJson(callLogPage(2, null,
                callLogRecord("M2", "2026-11-22T18:10:00.000Z", "Accepted", from("+16025551234", "Ada"))))));

        List<InboundCall> log = calls(TestAdapters.settings(ringCentral.baseUrl() + "/simulator")).callLog(TOKEN, SINCE);

        assertThat(log).extracting(InboundCall::id).containsExactly("M1", "M2");
        ringCentral.verify(2, getRequestedFor(urlPathEqualTo(mounted)));
    }

    @Test
    void everyShapeOfCallerIdIsReportedNotDropped() {
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(callLogPage(1, null,
                callLogRecord("N1", "2026-11-22T18:20:00.000Z", "Accepted", from("+16025551234", "E164")),
                callLogRecord("N2", "2026-11-22T18:19:00.000Z", "Accepted", from("16025551234", "Digits")),
                callLogRecord("N3", "2026-11-22T18:18:00.000Z", "Accepted", from("(602) 555-1234", "Formatted")),
                callLogRecord("N4", "2026-11-22T18:17:00.000Z", "Accepted", from("+442079460958", "London")),
                callLogRecord("N5", "2026-11-22T18:16:00.000Z", "Missed", from("+1855201XXXX", "Masked")),
                callLogRecord("N6", "2026-11-22T18:15:00.000Z", "Accepted", from("102", "Short")),
                callLogRecord("N7", "2026-11-22T18:14:00.000Z", "Accepted", """
                        { "extensionNumber" : "103", "extensionId" : "400130234009", "name" : "Reception" }"""),
                callLogRecord("N8", "2026-11-22T18:13:00.000Z", "Missed", """
                        { "name" : "Anonymous" }"""),
                callLogRecord("N9", "2026-11-22T18:12:00.000Z", "Missed", from("not a number", "Garbage"))))));

        List<InboundCall> log = calls().callLog(TOKEN, SINCE);

        assertThat(log).extracting(call -> call.from()).containsExactly(
                new Caller(PhoneNumber.of("+16025551234"), "E164"),
                new Caller(PhoneNumber.of("+16025551234"), "Digits"),
                new Caller(PhoneNumber.of("+16025551234"), "Formatted"),
                new Caller(PhoneNumber.of("+442079460958"), "London"),
                new UnusableCallerId(UnusableCallerId.Reason.MASKED, "Masked"),
                new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Short"),
                new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Reception"),
                new UnusableCallerId(UnusableCallerId.Reason.ANONYMOUS, "Anonymous"),
                new UnusableCallerId(UnusableCallerId.Reason.UNRECOGNISED, "Garbage"));
    }

    @Test
    void presenceShowsWhoIsRingingAndWhoIsOnTheLine() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(RingCentralJson.presence("Ringing",
                activeCall("P1", "+16025551234", "Ada Lovelace", "Ringing", "2026-11-22T18:29:40.000Z"),
                activeCall("P2", "16025559876", "Grace Hopper", "CallConnected", "2026-11-22T18:25:00.000Z"),
                activeCall("P3", "102", "Reception", "OnHold", null)))));

        List<InboundCall> live = calls().liveCalls(TOKEN);

        assertThat(live).extracting(InboundCall::id, InboundCall::state, InboundCall::startTime, call -> call.from())
                .containsExactly(
                        tuple("P1", CallState.RINGING, Instant.parse("2026-11-22T18:29:40Z"), new Caller(PhoneNumber.of("+16025551234"), "Ada Lovelace")),
                        tuple("P2", CallState.CONNECTED, Instant.parse("2026-11-22T18:25:00Z"), new Caller(PhoneNumber.of("+16025559876"), "Grace Hopper")),
                        // No start time: "now" by the injected clock.
                        tuple("P3", CallState.CONNECTED, NOW, new UnusableCallerId(UnusableCallerId.Reason.INTERNAL_EXTENSION, "Reception")));
        assertThat(live.getFirst().telephonySessionId()).isEqualTo("s-a0d7a4b3c8f2bz1869b5d1f5cz5d9bP1");
        assertThat(live.getFirst().dialledNumber()).isEqualTo("+16505550100");
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(PRESENCE))
                .withQueryParam("detailedTelephonyState", equalTo("true"))
                .withHeader("Authorization", equalTo("Bearer the-access-token")));
    }

    @Test
    void noActiveCallsIsAnEmptyList() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson("""
                { "uri" : "https://platform.ringcentral.com/restapi/v1.0/account/1/extension/2/presence",
                  "presenceStatus" : "Available", "telephonyStatus" : "NoCall", "userStatus" : "Available" }""")));

        assertThat(calls().liveCalls(TOKEN)).isEmpty();
    }

    @Test
    void anUnreadableRecordCostsThatRecordOnly() {
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(okJson(callLogPage(1, null,
                """
                { "uri" : "x", "sessionId" : "1", "type" : "Voice", "direction" : "Inbound", "action" : "Phone Call",
                  "result" : "Accepted", "startTime" : "2026-11-22T18:20:00.000Z", "from" : { "phoneNumber" : "+16025551234" } }""",
                callLogRecord("OK1", "2026-11-22T18:10:00.000Z", "Accepted", from("+16025551234", "Ada"))))));

        assertThat(calls().callLog(TOKEN, SINCE)).extracting(InboundCall::id).containsExactly("OK1");
    }

    @Test
    void anExpiredOrRevokedTokenIsReportedAsRejected() {
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("OAU-128", "Access token expired"))));
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withStatus(401)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("AGW-401", "Authorization header is not specified"))));
        RingCentralCalls calls = calls();

        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .asInstanceOf(type(AccessTokenRejectedException.class))
                .extracting(AccessTokenRejectedException::errorCode).isEqualTo("OAU-128");
        assertThatThrownBy(() -> calls.liveCalls(TOKEN))
                .asInstanceOf(type(AccessTokenRejectedException.class))
                .extracting(AccessTokenRejectedException::errorCode).isEqualTo("AGW-401");
        // A 4xx is an answer, not a hiccup: sent once each.
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG)));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(PRESENCE)));
    }

    @Test
    void aMissingPermissionIsNamed() {
        ringCentral.stubFor(get(urlPathEqualTo(COMPANY_CALL_LOG)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-401", "[ReadCallLog] permission required"))));

        assertThatThrownBy(() -> calls().callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .satisfies(rejected -> {
                    assertThat(rejected.reason()).isEqualTo(Reason.MISSING_PERMISSION);
                    assertThat(rejected.errorCode()).isEqualTo("CMN-401");
                    assertThat(rejected.getMessage()).contains("[ReadCallLog] permission required");
                });
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(COMPANY_CALL_LOG)));
    }
}
