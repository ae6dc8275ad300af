package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;

import io.ringside.simulator.limits.RequestCounts;
import io.ringside.simulator.limits.ThrottlingGroup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;

import static io.ringside.simulator.PlatformClient.json;
import static org.assertj.core.api.Assertions.assertThat;

class RateLimitTest extends SimulatorTestBase {

    private static final String CALL_LOG = "/restapi/v1.0/account/~/call-log";
    private static final String PRESENCE = "/restapi/v1.0/account/~/extension/~/presence";

    private String token;

    @BeforeEach
    void realLimits() {
        token = connectedAccessToken();
        platform.updateSettings(s -> s.withRateLimits(SimulatorSettings.RateLimits.defaults()));
    }

    @Test
    void heavyAllowsTenPerMinuteWithHeadersThenAnswers429() {
        for (int i = 1; i <= 10; i++) {
            HttpResponse<String> ok = client.get(CALL_LOG, token);
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.headers().firstValue("X-Rate-Limit-Group")).hasValue("Heavy");
            assertThat(ok.headers().firstValue("X-Rate-Limit-Limit")).hasValue("10");
            assertThat(ok.headers().firstValue("X-Rate-Limit-Remaining")).hasValue(Integer.toString(10 - i));
            assertThat(ok.headers().firstValue("X-Rate-Limit-Window")).hasValue("60");
        }

        HttpResponse<String> refused = client.get(CALL_LOG, token);

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("60");
        assertThat(json(refused).get("errorCode").asString()).isEqualTo("CMN-301");
        assertThat(json(refused).get("message").asString()).isEqualTo("Request rate exceeded");
    }

    @Test
    void thePenaltyRestartsWhenCalledDuringIt() {
        exhaustHeavy();
        platform.advanceClock(Duration.ofSeconds(59));
        // Knocking during the penalty restarts it: 60 s from now.
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(429);

        platform.advanceClock(Duration.ofSeconds(59));
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(429);

        platform.advanceClock(Duration.ofSeconds(61));
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);
    }

    @Test
    void aClientThatWaitsOutThePenaltyIsServedAgain() {
        exhaustHeavy();

        platform.advanceClock(Duration.ofSeconds(60));

        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);
    }

    @Test
    void theWindowSlides() {
        for (int i = 0; i < 5; i++) {
            client.get(CALL_LOG, token);
        }
        platform.advanceClock(Duration.ofSeconds(30));
        for (int i = 0; i < 5; i++) {
            client.get(CALL_LOG, token);
        }
        platform.advanceClock(Duration.ofSeconds(31));

        // The first five have left the window; five more fit, the sixth does not.
        for (int i = 0; i < 5; i++) {
            assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);
        }
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(429);
    }

    @Test
    void groupsAreCountedSeparately() {
        exhaustHeavy();

        HttpResponse<String> presence = client.get(PRESENCE, token);

        assertThat(presence.statusCode()).isEqualTo(200);
        assertThat(presence.headers().firstValue("X-Rate-Limit-Group")).hasValue("Light");
        assertThat(presence.headers().firstValue("X-Rate-Limit-Limit")).hasValue("50");
    }

    @Test
    void theTokenEndpointAllowsFivePerMinute() {
        platform.advanceClock(Duration.ofSeconds(61)); // the set-up's connect leaves the window
        String refresh = client.connect().get("refresh_token").asString(); // one Auth request
        for (int i = 0; i < 4; i++) {
            HttpResponse<String> response = client.refresh(refresh);
            assertThat(response.statusCode()).isEqualTo(200);
            refresh = json(response).get("refresh_token").asString();
        }

        HttpResponse<String> sixth = client.refresh(refresh);

        assertThat(sixth.statusCode()).isEqualTo(429);
        assertThat(sixth.headers().firstValue("X-Rate-Limit-Group")).hasValue("Auth");
    }

    @Test
    void plannedFailuresComeFirstThenServiceResumes() {
        platform.failNextRequests(2, 503);

        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(503);
        assertThat(client.get(PRESENCE, token).statusCode()).isEqualTo(503);
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);
    }

    @Test
    void aPlanned429CarriesRetryAfter() {
        platform.failNextRequests(1, 429);

        HttpResponse<String> response = client.get(PRESENCE, token);

        assertThat(response.statusCode()).isEqualTo(429);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).get("errorCode").asString()).isEqualTo("CMN-301");
    }

    @Test
    void requestCountsIncludeRefusedRequestsPerGroupAndPath() {
        platform.resetRequestCounts();
        for (int i = 0; i < 12; i++) {
            client.get(CALL_LOG, token);
        }
        client.get(PRESENCE, token);

        RequestCounts counts = platform.requestCounts();

        assertThat(counts.group(ThrottlingGroup.HEAVY)).isEqualTo(12);
        assertThat(counts.group(ThrottlingGroup.LIGHT)).isEqualTo(1);
        assertThat(counts.path("GET /restapi/v1.0/account/{accountId}/call-log")).isEqualTo(12);
        assertThat(counts.total()).isEqualTo(13);
    }

    private void exhaustHeavy() {
        for (int i = 0; i < 10; i++) {
            assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(200);
        }
        assertThat(client.get(CALL_LOG, token).statusCode()).isEqualTo(429);
    }
}
