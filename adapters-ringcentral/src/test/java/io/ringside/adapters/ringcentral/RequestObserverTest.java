package io.ringside.adapters.ringcentral;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.ringside.adapters.ringcentral.RingCentralRequestObserver.Outcome;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.RefreshToken;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.ringside.adapters.ringcentral.RingCentralJson.activeCall;
import static io.ringside.adapters.ringcentral.TestAdapters.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every try is reported once to the observer, with its rate-limit group and how it ended: what bootstrap's metrics count. */
class RequestObserverTest {

    @RegisterExtension
    static WireMockExtension ringCentral = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

    private static final String CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";
    private static final String TOKEN_PATH = "/restapi/oauth/token";
    private static final AccessToken TOKEN = new AccessToken("the-access-token", NOW.plusSeconds(3600));
    private static final Instant SINCE = NOW.minus(Duration.ofHours(1));

    record Seen(RateLimitGroup group, Outcome outcome) {
    }

    private final MutableClock clock = TestAdapters.clock();
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private RingCentralAdapter adapter;

    private RingCentralAdapter adapter(RingCentralSettings.Builder settings) {
        adapter = RingCentralAdapter.create(settings.build(), "US", clock);
        adapter.observeRequests((group, outcome) -> seen.add(new Seen(group, outcome)));
        return adapter;
    }

    private RingCentralAdapter adapter() {
        return adapter(TestAdapters.settings(ringCentral.baseUrl()));
    }

    @AfterEach
    void close() {
        if (adapter != null) {
            adapter.close();
        }
    }

    @Test
    void anAnsweredPresenceRequestIsALightOk() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(RingCentralJson.presence("Ringing",
                activeCall("P1", "+16025551234", "Ada Lovelace", "Ringing", "2026-11-22T18:29:40.000Z")))));

        adapter().calls().liveCalls(TOKEN);

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.LIGHT, Outcome.OK));
    }

    @Test
    void eachTryOfARetriedServerErrorIsA5xx() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> adapter().calls().callLog(TOKEN, SINCE)).isInstanceOf(RingCentralException.class);

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.HEAVY, Outcome.SERVER_ERROR),
                new Seen(RateLimitGroup.HEAVY, Outcome.SERVER_ERROR), new Seen(RateLimitGroup.HEAVY, Outcome.SERVER_ERROR));
    }

    @Test
    void aRefusedRefreshIsAnAuth4xx() {
        ringCentral.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.oauthError("invalid_grant", "OAU-211", "Token not found"))));

        assertThatThrownBy(() -> adapter().authorization().refresh(new RefreshToken("the-refresh-token", NOW.minusSeconds(60), NOW.plusSeconds(600))))
                .isInstanceOf(RingCentralException.class);

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.AUTH, Outcome.CLIENT_ERROR));
    }

    @Test
    void a429IsCountedAndTheNextRequestOfTheGroupIsRefusedLocally() {
        ringCentral.stubFor(get(urlPathEqualTo(CALL_LOG)).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "30")
                .withHeader("Content-Type", "application/json")
                .withBody(RingCentralJson.apiError("CMN-301", "Request rate exceeded"))));
        RingCentralAdapter rc = adapter();

        assertThatThrownBy(() -> rc.calls().callLog(TOKEN, SINCE)).isInstanceOf(RingCentralException.class);
        assertThatThrownBy(() -> rc.calls().callLog(TOKEN, SINCE)).isInstanceOf(RingCentralException.class);

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.HEAVY, Outcome.RATE_LIMITED),
                new Seen(RateLimitGroup.HEAVY, Outcome.REFUSED_LOCALLY));
        assertThat(ringCentral.getAllServeEvents()).as("the refused request was never sent").hasSize(1);
    }

    @Test
    void aNotFoundWithoutRingCentralsErrorCodeIsA4xxAndARefusalNotACrash() {
        // e.g. a wrong ringcentral.base-url path, answered by a proxy rather than by RingCentral
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withStatus(404).withBody("Not found")));

        assertThatThrownBy(() -> adapter().calls().liveCalls(TOKEN))
                .isInstanceOf(RingCentralRejectedException.class)
                .hasMessageContaining("HTTP 404");

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.LIGHT, Outcome.CLIENT_ERROR));
    }

    @Test
    void aDroppedConnectionIsAnIoError() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        assertThatThrownBy(() -> adapter(TestAdapters.settings(ringCentral.baseUrl()).retryAttempts(1)).calls().liveCalls(TOKEN))
                .isInstanceOf(RingCentralException.class);

        assertThat(seen).containsExactly(new Seen(RateLimitGroup.LIGHT, Outcome.IO_ERROR));
    }

    @Test
    void aFailingObserverNeverBreaksTheRequest() {
        ringCentral.stubFor(get(urlPathEqualTo(PRESENCE)).willReturn(okJson(RingCentralJson.presence("NoCall"))));
        adapter = RingCentralAdapter.create(TestAdapters.settings(ringCentral.baseUrl()).build(), "US", clock);
        adapter.observeRequests((group, outcome) -> {
            throw new IllegalStateException("metrics are broken");
        });

        assertThat(adapter.calls().liveCalls(TOKEN)).isEmpty();
    }
}
