package io.ringside.bootstrap.wiring;

import io.ringside.domain.Actor;
import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.ListRecentCallers;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.application.service.CallFeedScheduler;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.bootstrap.testing.SimulatorConsent;
import io.ringside.domain.CallState;
import io.ringside.domain.PhoneNumber;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No RingCentral settings: Ringside starts in demo mode, serves the simulator itself (its REST API
 * and its WebSocket gateway), and a whole connect → push → list callers flow runs through the real
 * adapter against it.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "ringside.data-dir=target/test-data/${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false"})
class DemoModeStartUpTest {

    private static final Actor ADMIN = new Actor(null, "admin", "Administrator", "127.0.0.1");

    @LocalServerPort
    int port;
    @Autowired
    ConnectRingCentral connect;
    @Autowired
    ViewConnection viewConnection;
    @Autowired
    ListRecentCallers recentCallers;
    @Autowired
    SimulatedPlatform simulator;
    @Autowired
    CallFeedScheduler feed;
    @Autowired
    WatchRecentCallers watchers;

    @Test
    void anAdminConnectsThroughTheSimulatorAndOperatorsSeeACallRingingAtAColleaguesDeskByPush() throws Exception {
        URI authorize = connect.start(ADMIN);
        assertThat(authorize.toString()).startsWith("http://localhost:" + port + "/simulator/restapi/oauth/authorize?");
        assertThat(authorize.getRawQuery()).contains("code_challenge_method=S256").contains("response_type=code");

        Map<String, String> back = new SimulatorConsent().decide(authorize, true);
        assertThat(back.get("redirect")).isEqualTo("http://localhost:" + port + "/api/ringcentral/callback");

        ConnectOutcome outcome = connect.complete(back.get("state"), back.get("code"), ADMIN);
        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        ConnectionView view = viewConnection.view();
        assertThat(view.status()).isEqualTo(ConnectionView.Status.CONNECTED);
        assertThat(view.server()).isEqualTo(URI.create("http://localhost:" + port + "/simulator"));

        // Ringside opens push and catches up from the call log; from then on calls arrive as events.
        feed.tick();
        await(() -> viewConnection.view().liveCalls().mode() == LiveCallsHealth.Mode.PUSH_COMPANY, Duration.ofSeconds(10));
        long presenceBefore = simulator.requestCounts().group(ThrottlingGroup.LIGHT);

        String callId = simulator.startRingingCall("(602) 555-1234", "Maria Lopez", "103");
        await(() -> !recentCallers.list().callers().isEmpty(), Duration.ofSeconds(1));

        RecentCallersResult result = recentCallers.list();
        assertThat(result.status()).isEqualTo(new FeedStatus.Ok());
        assertThat(result.callers()).singleElement().satisfies(row -> {
            assertThat(row.caller().number()).isEqualTo(PhoneNumber.of("+16025551234"));
            assertThat(row.caller().name()).isEqualTo("Maria Lopez");
            assertThat(row.state()).isEqualTo(CallState.RINGING);
        });

        simulator.answer(callId);
        await(() -> recentCallers.list().callers().getFirst().state() == CallState.CONNECTED, Duration.ofSeconds(1));
        // RingCentral's party names the extension by id and its user's name (the short number is not in the event).
        assertThat(recentCallers.list().callers().getFirst().answeredBy().name()).isEqualTo("Jordan Lee");
        assertThat(recentCallers.list().callers().getFirst().answeredBy().id()).isEqualTo("62264425003");

        // Counted at the simulator: the call log was read over HTTP, presence never while push is live.
        assertThat(simulator.requestCounts().group(ThrottlingGroup.HEAVY)).isGreaterThanOrEqualTo(1);
        assertThat(simulator.requestCounts().group(ThrottlingGroup.LIGHT)).isEqualTo(presenceBefore);
    }

    private static void await(BooleanSupplier condition, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + atMost.toMillis() + " ms");
            }
            Thread.sleep(10);
        }
    }

    @Test
    void withPushUnreachableTheOpenPageIsFedByPollingTheConnectedExtension() throws Exception {
        Map<String, String> back = new SimulatorConsent().decide(connect.start(ADMIN), true);
        assertThat(connect.complete(back.get("state"), back.get("code"), ADMIN)).isInstanceOf(ConnectOutcome.Connected.class);
        simulator.refusePushSockets(Duration.ofMinutes(5));
        simulator.dropPushSockets();
        try (WatchRecentCallers.Subscription page = watchers.watch(result -> { })) {
            feed.tick();
            await(() -> viewConnection.view().liveCalls().mode() == LiveCallsHealth.Mode.POLLING, Duration.ofSeconds(10));
            long presenceBefore = simulator.requestCounts().group(ThrottlingGroup.LIGHT);

            simulator.startRingingCall("+14155550123", "Sam Chen");
            Thread.sleep(2_100); // the presence interval
            feed.tick();

            assertThat(recentCallers.list().callers()).anySatisfy(row -> {
                assertThat(row.caller().name()).isEqualTo("Sam Chen");
                assertThat(row.state()).isEqualTo(CallState.RINGING);
            });
            assertThat(simulator.requestCounts().group(ThrottlingGroup.LIGHT)).isGreaterThan(presenceBefore);
            assertThat(viewConnection.view().liveCalls().reason()).isNotBlank();
        } finally {
            simulator.refusePushSockets(Duration.ZERO);
        }
    }

    @Test
    void aDeclinedConsentComesBackAsAccessDeniedAndUsesTheStateUp() throws Exception {
        URI authorize = connect.start(ADMIN);
        Map<String, String> back = new SimulatorConsent().decide(authorize, false);
        assertThat(back.get("error")).isEqualTo("access_denied");

        assertThat(connect.decline(back.get("state"), back.get("error"), ADMIN)).isInstanceOf(ConnectOutcome.AccessDenied.class);
        assertThat(connect.complete(back.get("state"), "any-code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
    }

}
