package io.ringside.adapters.ringcentral;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.ringside.adapters.ringcentral.RateLimitState.BlockReason;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.InboundCall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
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
import static org.assertj.core.api.InstanceOfAssertFactories.type;

class RingCentralResilienceTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";
    private static final AccessToken TOKEN = new AccessToken("the-access-token", NOW.plusSeconds(3600));
    private static final Instant SINCE = NOW.minus(Duration.ofHours(1));
    private static final String ONE_CALL = callLogPage(1, null,
            callLogRecord("R1", "2026-11-22T18:20:00.000Z", "Accepted", from("+16025551234", "Ada Lovelace")));
    private static final String ONE_RINGING = RingCentralJson.presence("Ringing",
            activeCall("P1", "+16025551234", "Ada Lovelace", "Ringing", "2026-11-22T18:29:40.000Z"));

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
    void twoServerErrorsThenSuccessRecovers() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).inScenario("flaky").whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("third"));
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).inScenario("flaky").whenScenarioStateIs("third")
                .willReturn(okJson(ONE_CALL)));

        assertThat(calls().callLog(TOKEN, SINCE)).extracting(InboundCall::id).containsExactly("R1");
        ringCentral.verify(3, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void aServerThatKeepsFailingIsTriedThreeTimesThenReportedUnavailable() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-211", "Service temporary unavailable"))));

        assertThatThrownBy(() -> calls().callLog(TOKEN, SINCE))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("HTTP 503");
        ringCentral.verify(3, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void aBadRequestIsNeverRetried() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-101", "Parameter [dateFrom] value is invalid"))));

        assertThatThrownBy(() -> calls().callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRejectedException.class))
                .extracting(RingCentralRejectedException::reason).isEqualTo(RingCentralRejectedException.Reason.REQUEST_REFUSED);
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void a429BlocksItsGroupForRetryAfterWhileOtherGroupsCarryOn() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "7")
                .withHeader("X-Rate-Limit-Group", "heavy")
                .withHeader("X-Rate-Limit-Limit", "10")
                .withHeader("X-Rate-Limit-Remaining", "0")
                .withHeader("X-Rate-Limit-Window", "60")
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-301", "Request rate exceeded"))));
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(ONE_RINGING)));
        RingCentralCalls calls = calls();

        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Heavy");
                    assertThat(limited.until()).isEqualTo(NOW.plusSeconds(7));
                });

        // Inside the penalty: refused at once, nothing reaches RingCentral (it would restart the penalty)…
        clock.advance(Duration.ofSeconds(6));
        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .extracting(RingCentralRateLimitedException::until).isEqualTo(NOW.plusSeconds(7));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(CALL_LOG)));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.HEAVY))
                .satisfies(heavy -> {
                    assertThat(heavy.blockedUntil()).isEqualTo(NOW.plusSeconds(7));
                    assertThat(heavy.blockReason()).isEqualTo(BlockReason.RINGCENTRAL_PENALTY);
                });

        // …while the Light group (presence) still works.
        assertThat(calls.liveCalls(TOKEN)).extracting(InboundCall::id).containsExactly("P1");
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(PRESENCE)));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.LIGHT).isBlocked()).isFalse();

        // When the penalty ends, the group sends again.
        clock.advance(Duration.ofSeconds(1));
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(okJson(ONE_CALL)));
        assertThat(calls.callLog(TOKEN, SINCE)).extracting(InboundCall::id).containsExactly("R1");
        ringCentral.verify(2, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void a429WithoutRetryAfterBlocksForRingCentralsSixtySecondPenalty() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withStatus(429)));

        assertThatThrownBy(() -> calls().liveCalls(TOKEN))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Light");
                    assertThat(limited.until()).isEqualTo(NOW.plusSeconds(60));
                });
    }

    @Test
    void aRetryAfterGivenAsAnHttpDateIsHonoured() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withStatus(429)
                .withHeader("Retry-After", "Sun, 22 Nov 2026 18:30:45 GMT")));

        assertThatThrownBy(() -> calls().liveCalls(TOKEN))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .extracting(RingCentralRateLimitedException::until).isEqualTo(NOW.plusSeconds(45));
    }

    @Test
    void ringCentralsRateExceededCodeIsARateLimitWhateverTheStatus() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-301", "Request rate exceeded"))));
        RingCentralCalls calls = calls();

        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .extracting(RingCentralRateLimitedException::until).isEqualTo(NOW.plusSeconds(60));
        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE)).isInstanceOf(RingCentralRateLimitedException.class);
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void theClientSideBudgetFailsFastAndSaysWhenAPermitFrees() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(okJson(ONE_CALL)));
        RingCentralCalls calls = calls();
        for (int request = 0; request < 10; request++) {
            calls.callLog(TOKEN, SINCE);
            clock.advance(Duration.ofSeconds(1));
        }

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .satisfies(limited -> {
                    assertThat(limited.group()).isEqualTo("Heavy");
                    // The first of the ten was sent at NOW: its slot frees a window later.
                    assertThat(limited.until()).isEqualTo(NOW.plusSeconds(60));
                });
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        ringCentral.verify(10, getRequestedFor(urlPathEqualTo(CALL_LOG)));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.HEAVY))
                .satisfies(heavy -> {
                    assertThat(heavy.sentInWindow()).isEqualTo(10);
                    assertThat(heavy.limit()).isEqualTo(10);
                    assertThat(heavy.blockReason()).isEqualTo(BlockReason.LOCAL_BUDGET_USED);
                });

        clock.set(NOW.plusSeconds(60));
        calls.callLog(TOKEN, SINCE);
        ringCentral.verify(11, getRequestedFor(urlPathEqualTo(CALL_LOG)));
    }

    @Test
    void ringCentralSayingNoneRemainPausesTheGroupForItsWindow() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(ONE_RINGING)
                .withHeader("X-Rate-Limit-Group", "light")
                .withHeader("X-Rate-Limit-Limit", "50")
                .withHeader("X-Rate-Limit-Remaining", "0")
                .withHeader("X-Rate-Limit-Window", "20")));
        RingCentralCalls calls = calls();

        assertThat(calls.liveCalls(TOKEN)).hasSize(1);
        assertThatThrownBy(() -> calls.liveCalls(TOKEN))
                .asInstanceOf(type(RingCentralRateLimitedException.class))
                .extracting(RingCentralRateLimitedException::until).isEqualTo(NOW.plusSeconds(20));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(PRESENCE)));
        assertThat(adapter.rateLimitState().of(RateLimitGroup.LIGHT).blockReason()).isEqualTo(BlockReason.RINGCENTRAL_BUDGET_USED);
    }

    @Test
    void aSlowServerHitsTheReadTimeout() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(ONE_RINGING).withFixedDelay(6_000)));
        RingCentralCalls calls = calls(TestAdapters.settings(ringCentral.baseUrl()).readTimeout(Duration.ofSeconds(1)));

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.liveCalls(TOKEN))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("did not answer the presence request within 1000 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isBetween(Duration.ofMillis(900), Duration.ofMillis(4000));
        ringCentral.verify(1, getRequestedFor(urlPathEqualTo(PRESENCE)));
    }

    @Test
    void malformedJsonIsAClearErrorNotACrash() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(okJson("{\"records\": [ {\"id\": \"R1\", ")));
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html><body>Maintenance</body></html>")));
        RingCentralCalls calls = calls();

        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessage("RingCentral's answer to the call-log request could not be read as the JSON RingCentral documents");
        assertThatThrownBy(() -> calls.liveCalls(TOKEN))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("presence request could not be read");
    }

    @Test
    void aDeadPlatformOpensTheCircuitAndThenCostsMilliseconds() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
        RingCentralCalls calls = calls(TestAdapters.settings(ringCentral.baseUrl()).circuitBreakerMinimumCalls(3));

        assertThatThrownBy(() -> calls.liveCalls(TOKEN)).isInstanceOf(RingCentralUnavailableException.class);
        // Three tries; the JDK's HttpClient may itself resend a GET once on a broken connection, so at least three.
        int triesBeforeOpening = ringCentral.findAll(getRequestedFor(urlPathEqualTo(PRESENCE))).size();
        assertThat(triesBeforeOpening).isBetween(3, 6);
        assertThat(adapter.isPausedAfterFailures()).isTrue();

        long started = System.nanoTime();
        assertThatThrownBy(() -> calls.callLog(TOKEN, SINCE))
                .isInstanceOf(RingCentralUnavailableException.class)
                .hasMessageContaining("failed repeatedly");
        // Milliseconds, not a read timeout (10 s here); the bound is loose for a busy build machine.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        assertThatThrownBy(() -> calls.liveCalls(TOKEN)).hasMessageContaining("failed repeatedly");
        ringCentral.verify(0, getRequestedFor(urlPathEqualTo(CALL_LOG)));
        ringCentral.verify(triesBeforeOpening, getRequestedFor(urlPathEqualTo(PRESENCE)));

        // After the open period one request probes again; a healthy answer closes the circuit.
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(okJson(ONE_CALL)));
        clock.advance(Duration.ofSeconds(31));
        assertThat(calls.callLog(TOKEN, SINCE)).hasSize(1);
        assertThat(adapter.isPausedAfterFailures()).isFalse();
    }
}
