package io.ringside.adapters.ringcentral.contract;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.domain.AccessToken;
import io.ringside.domain.IssuedTokens;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AppPermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract against the stand-in platform: {@code ringcentral-simulator}'s own Spring Boot app on a
 * random port, mounted under {@code /simulator} as in Ringside's demo mode, with RingCentral's own
 * numbers (token lifetimes, 10 s grace, 20 s call-log delay, rate limits). Consent goes through its
 * real page and form with the JDK's HttpClient, as a browser would. The adapter runs on the platform's
 * clock, so moving that clock moves both.
 */
class SimulatorPlatformTest extends RingCentralPlatformContract {

    private static InProcessSimulator simulator;
    private static SimulatedPlatform platform;
    private static String baseUrl;

    @BeforeAll
    static void startSimulator() {
        simulator = InProcessSimulator.start();
        platform = simulator.platform;
        baseUrl = simulator.baseUrl;
    }

    @AfterAll
    static void stopSimulator() {
        if (simulator != null) {
            simulator.close();
        }
    }

    @BeforeEach
    void freshPlatform() {
        // Calls, sessions, codes, rate windows and counts are forgotten; settings and time stay.
        platform.reset();
    }

    @Override
    String baseUrl() {
        return baseUrl;
    }

    @Override
    String clientId() {
        return "ringside-demo-client";
    }

    @Override
    String clientSecret() {
        return "ringside-demo-secret";
    }

    @Override
    Clock clock() {
        return platform.clock();
    }

    @Override
    void advance(Duration amount) {
        platform.advanceClock(amount);
    }

    @Override
    String allowAccess(URI authorizeUrl) {
        URI back = simulator.allow(authorizeUrl);
        assertThat(back.toString()).startsWith(REDIRECT_URI + "?");
        assertThat(queryParameter(back, "state")).isEqualTo(queryParameter(authorizeUrl, "state"));
        return queryParameter(back, "code").orElseThrow(() -> new AssertionError("no code in " + back));
    }

    @Override
    Duration accessTokenLifetime() {
        return platform.settings().accessTokenLifetime();
    }

    @Override
    Duration refreshGrace() {
        return platform.settings().refreshGrace();
    }

    @Override
    Duration callLogDelay() {
        return platform.settings().callLogDelay();
    }

    @Override
    String ringCall(String number, String name) {
        return platform.startRingingCall(number, name);
    }

    /** Extension 102 (Sam Rivera) of the simulator's directory; the connected user is 101. */
    @Override
    String ringCallForColleague(String number, String name) {
        return platform.startRingingCall(number, name, "102");
    }

    @Override
    void answer(String callId) {
        platform.answer(callId);
    }

    @Override
    void end(String callId) {
        platform.end(callId);
    }

    @Override
    void failNextRequestsWith503(int count) {
        platform.failNextRequests(count, 503);
    }

    @Override
    void expireAccessTokensEarly() {
        platform.expireAccessTokens();
    }

    /**
     * A second Ringside (its own adapter, its own consent, the same app and user) sends as many Heavy
     * requests as the platform allows in a window; its own budget lets it, as each instance counts alone.
     */
    @Override
    Duration heavyBudgetUsedUpElsewhere() {
        try (RingCentralAdapter other = newAdapter()) {
            Authorized authorized = authorize();
            IssuedTokens tokens = other.authorization().exchangeCode(authorized.code(), authorized.verifier());
            AccessToken token = tokens.accessToken();
            Instant since = clock().instant().minus(Duration.ofHours(1));
            for (int request = 0; request < platform.settings().rateLimits().heavy(); request++) {
                other.calls().callLog(token, since);
            }
        }
        return platform.settings().rateLimits().penalty();
    }

    @Override
    long requestsSeen(Group group) {
        return platform.requestCounts().group(switch (group) {
            case HEAVY -> ThrottlingGroup.HEAVY;
            case MEDIUM -> ThrottlingGroup.MEDIUM;
            case LIGHT -> ThrottlingGroup.LIGHT;
            case AUTH -> ThrottlingGroup.AUTH;
        });
    }

    /** Checked live by the platform, like the push permissions; {@link SimulatedPlatform#reset()} gives it back. */
    @Override
    void takeReadAccountsFromTheApp() {
        platform.revokePermission(AppPermissions.READ_ACCOUNTS);
    }
}
