package io.ringside.adapters.ringcentral.contract;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications.NotificationSession;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallEvent;
import io.ringside.domain.Caller;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.PartyStatus;
import io.ringside.domain.PhoneNumber;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.push.PushStats;
import io.ringside.simulator.push.SentNotification;
import io.ringside.simulator.settings.SimulatorSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The push client against the in-process simulator's WebSocket gateway ({@code /simulator/ws}): a real
 * consent, real tokens, the simulator's calls at other extensions (102, 103), its drops, recovery with
 * replay, permissions and rate limits. What RingCentral did is read at the simulator ({@link PushStats},
 * the notifications it sent, its request counts), not from the adapter's own counters.
 */
class SimulatorPushTest {

    private static final String REDIRECT_URI = "http://localhost:8080/api/ringcentral/callback";
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final String EXT_102 = "62264425002";
    private static final String EXT_103 = "62264425003";

    private static InProcessSimulator simulator;
    private static SimulatedPlatform platform;
    private static String baseUrl;

    private RingCentralAdapter adapter;
    private final List<NotificationSession> sessions = new CopyOnWriteArrayList<>();

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
        platform.reset();
        // RingCentral's limits, except Auth: these scenarios reconnect more often in a minute than its 5 allow
        // (the adapter paces WebSocket token requests to leave two for token refreshes; PushSessionTest covers that).
        platform.updateSettings(s -> s.withRateLimits(new SimulatorSettings.RateLimits(10, 40, 50, 1000,
                        Duration.ofSeconds(60), Duration.ofSeconds(60)))
                .withPush(SimulatorSettings.Push.defaults()));
        adapter = RingCentralAdapter.create(settings().build(), "US", platform.clock());
    }

    @AfterEach
    void closeAll() {
        sessions.forEach(NotificationSession::close);
        adapter.close();
    }

    private RingCentralSettings.Builder settings() {
        return RingCentralSettings.builder()
                .baseUrl(baseUrl)
                .clientId("ringside-demo-client")
                .clientSecret("ringside-demo-secret")
                .redirectUri(REDIRECT_URI)
                .readTimeout(Duration.ofSeconds(10))
                .rateLimitAuth(1000)
                .pushReconnectInitialBackoff(Duration.ofMillis(50))
                .pushReconnectMaxBackoff(Duration.ofMillis(200));
    }

    // ---- the scenarios ----------------------------------------------------------------------------

    @Test
    void callsRingingAnsweredAndEndedAtOtherExtensionsArriveAsEvents() {
        Recorder recorder = open(connect());
        recorder.await(line -> line.equals("subscribed COMPANY"));

        String first = platform.startRingingCall("+16025551234", "ADA LOVELACE", "102");
        String second = platform.startRingingCall("(480) 555-0199", "GRACE HOPPER", "103");
        platform.answer(first);
        platform.end(first);
        platform.end(second);
        String s1 = platform.call(first).telephonySessionId();
        String s2 = platform.call(second).telephonySessionId();
        recorder.await(line -> line.equals("event " + s2 + " DISCONNECTED"));
        recorder.await(line -> line.equals("event " + s1 + " DISCONNECTED"));

        assertThat(recorder.statusesOf(s1)).containsExactly(PartyStatus.PROCEEDING, PartyStatus.ANSWERED, PartyStatus.DISCONNECTED);
        assertThat(recorder.statusesOf(s2)).containsExactly(PartyStatus.PROCEEDING, PartyStatus.DISCONNECTED);
        CallEvent ringing = recorder.eventsOf(s1).getFirst();
        assertThat(ringing.extension().id()).isEqualTo(EXT_102);
        assertThat(ringing.extension().name()).isEqualTo("Sam Rivera");
        assertThat(ringing.from()).isEqualTo(new Caller(PhoneNumber.of("+16025551234"), "ADA LOVELACE"));
        assertThat(recorder.eventsOf(s2).getFirst().extension().id()).isEqualTo(EXT_103);
        assertThat(recorder.eventsOf(s2).getFirst().from()).isEqualTo(new Caller(PhoneNumber.of("+14805550199"), "GRACE HOPPER"));
        assertThat(recorder.eventsOf(s2).getLast().missedCall()).isTrue();
        // As many events as the simulator sent telephony notifications, in its order.
        List<SentNotification> sent = platform.pushNotificationsSent();
        assertThat(recorder.events).extracting(CallEvent::sequence)
                .containsExactlyElementsOf(sent.stream().map(SentNotification::sequence).toList());
        assertThat(platform.pushStats().wsTokensIssued()).isEqualTo(1);
    }

    @Test
    void eventsSentOutOfOrderAreDeliveredAsTheyCome() {
        Recorder recorder = open(connect());
        recorder.await(line -> line.equals("subscribed COMPANY"));
        String call = platform.startRingingCall("+16025551234", "ADA", "102");
        String session = platform.call(call).telephonySessionId();
        recorder.await(line -> line.equals("event " + session + " PROCEEDING"));

        platform.deliverNextTwoEventsOutOfOrder(call);
        platform.answer(call);
        platform.end(call);
        recorder.await(line -> line.startsWith("event " + session + " ") && recorder.eventsOf(session).size() == 3);

        assertThat(recorder.eventsOf(session)).extracting(CallEvent::sequence).containsExactly(1L, 3L, 2L);
        assertThat(recorder.statusesOf(session)).containsExactly(PartyStatus.PROCEEDING, PartyStatus.DISCONNECTED, PartyStatus.ANSWERED);
    }

    @Test
    void aDroppedConnectionIsRecoveredAndTheMissedEventsReplayed() {
        Recorder recorder = open(connect());
        recorder.await(line -> line.equals("subscribed COMPANY"));
        String call = platform.startRingingCall("+16025551234", "ADA", "102");
        String session = platform.call(call).telephonySessionId();
        recorder.await(line -> line.equals("event " + session + " PROCEEDING"));
        // While the session is down (before it reconnects), the call is answered: the gateway keeps the event.
        recorder.whenDown.set(reason -> platform.answer(call));

        assertThat(platform.dropPushSockets()).isEqualTo(1);
        recorder.await(line -> line.equals("event " + session + " ANSWERED"));

        assertThat(recorder.lines).containsSubsequence("subscribed COMPANY", "event " + session + " PROCEEDING", "recovered",
                "event " + session + " ANSWERED");
        assertThat(recorder.lines).filteredOn(line -> line.startsWith("down ")).hasSize(1);
        assertThat(recorder.count("subscribed")).isEqualTo(1);
        PushStats stats = platform.pushStats();
        assertThat(stats.recoveriesSucceeded()).isEqualTo(1);
        assertThat(stats.subscriptionsCreated()).isEqualTo(1);
        assertThat(stats.wsTokensIssued()).as("a fresh ws token for each connection").isEqualTo(2);
        assertThat(platform.pushNotificationsSent()).filteredOn(SentNotification::replayed)
                .extracting(SentNotification::telephonySessionId).contains(session);
    }

    @Test
    void aFailedRecoverySubscribesAgainSoTheApplicationReconciles() {
        platform.setPushRecoveryTimeout(Duration.ZERO);
        Recorder recorder = open(connect());
        recorder.await(line -> line.equals("subscribed COMPANY"));

        platform.dropPushSockets();
        recorder.await(line -> line.equals("subscribed COMPANY") && recorder.count("subscribed") == 2);

        assertThat(recorder.count("recovered")).isZero();
        assertThat(platform.pushStats().recoveriesFailed()).isEqualTo(1);
        assertThat(platform.pushStats().subscriptionsCreated()).isEqualTo(2);
        String call = platform.startRingingCall("+16025551234", "ADA", "103");
        recorder.await(line -> line.equals("event " + platform.call(call).telephonySessionId() + " PROCEEDING"));
    }

    @Test
    void withoutCallControlOnlyTheConnectedUsersCallsArriveAndTheReasonSaysSo() {
        platform.revokePermission("CallControl");
        Recorder recorder = open(connect());
        recorder.await(line -> line.startsWith("subscribed"));

        assertThat(recorder.lines.getFirst()).isEqualTo("subscribed CONNECTED_EXTENSION");
        assertThat(recorder.limitation.get()).contains("CallControl");
        String atColleague = platform.startRingingCall("+14805550199", "GRACE", "102");
        String atOwn = platform.startRingingCall("+16025551234", "ADA", "101");
        String own = platform.call(atOwn).telephonySessionId();
        recorder.await(line -> line.equals("event " + own + " PROCEEDING"));
        platform.end(atOwn);
        recorder.await(line -> line.equals("event " + own + " DISCONNECTED"));

        assertThat(recorder.eventsOf(platform.call(atColleague).telephonySessionId())).isEmpty();
        assertThat(recorder.eventsOf(own).getFirst().partyId()).startsWith("presence-62264425001-");
    }

    @Test
    void aRevokedConnectionStopsCleanly() {
        Recorder recorder = open(connect());
        recorder.await(line -> line.equals("subscribed COMPANY"));

        recorder.tokens.revoke();
        platform.dropPushSockets();
        String stopped = recorder.await(line -> line.startsWith("stopped "));

        assertThat(stopped).contains("an admin must connect RingCentral again");
        long threads = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith("ringcentral-push-")).count();
        assertThat(threads).isZero();
        assertThat(platform.pushStats().liveSockets()).isZero();
    }

    @Test
    void aMedium429OnSubscribingIsWaitedOutAndTheSubscriptionThenMade() {
        platform.updateSettings(s -> s.withRateLimits(new SimulatorSettings.RateLimits(1000, 1, 1000, 1000,
                Duration.ofSeconds(2), Duration.ofSeconds(1))));
        TestTokens tokens = connect();
        Recorder first = open(tokens);
        first.await(line -> line.equals("subscribed COMPANY"));

        long started = System.nanoTime();
        Recorder second = open(tokens);
        second.await(line -> line.equals("subscribed COMPANY"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(second.count("down")).isZero();
        long mediumAtPeer = platform.requestCounts().group(ThrottlingGroup.MEDIUM);
        assertThat(mediumAtPeer).as("the refused try, then the accepted one; no hammering").isBetween(3L, 5L);
        assertThat(platform.pushStats().subscriptionsCreated()).isEqualTo(2);
    }

    @Test
    void theGatewaysRefusalIsRiddenOutWithBackoff() {
        // The 503s open the adapter's circuit breaker (shared with the REST calls); push waits for it instead of knocking.
        adapter.close();
        adapter = RingCentralAdapter.create(settings().circuitBreakerOpenDuration(Duration.ofSeconds(2)).build(), "US", platform.clock());
        TestTokens tokens = connect();
        platform.refusePushSockets(Duration.ofMillis(700));
        Recorder recorder = open(tokens);

        recorder.await(line -> line.equals("subscribed COMPANY"));
        assertThat(recorder.count("down")).isBetween(1L, 8L);
        assertThat(platform.pushStats().socketsOpened()).isEqualTo(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private Recorder open(TestTokens tokens) {
        Recorder recorder = new Recorder(tokens);
        sessions.add(adapter.notifications().open(tokens, recorder));
        return recorder;
    }

    /** An admin connects: the real consent page and code exchange. */
    private TestTokens connect() {
        CodeVerifier verifier = CodeVerifier.random(new java.security.SecureRandom());
        URI authorize = adapter.authorization().authorizeUrl("state-" + System.nanoTime() + "-abcdefghijkl", verifier.s256Challenge());
        URI back = simulator.allow(authorize);
        Matcher code = CODE.matcher(back.toString());
        assertThat(code.find()).isTrue();
        IssuedTokens issued = adapter.authorization().exchangeCode(URLDecoderHolder.decode(code.group(1)), verifier);
        return new TestTokens(issued);
    }

    private static final class URLDecoderHolder {
        static String decode(String text) {
            return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
        }
    }

    /** The application's side of tokens, reduced: the current pair, refreshed on a 401; revoked = gone for good. */
    private final class TestTokens implements AccessTokens {

        private volatile IssuedTokens tokens;

        TestTokens(IssuedTokens tokens) {
            this.tokens = tokens;
        }

        void revoke() {
            // As an admin's Disconnect does: RingCentral forgets the whole OAuth session, access token included.
            adapter.authorization().revoke(tokens.refreshToken());
        }

        @Override
        public Optional<AccessToken> current() {
            return Optional.of(tokens.accessToken());
        }

        @Override
        public Optional<AccessToken> replaceRejected(AccessToken rejected) {
            try {
                tokens = adapter.authorization().refresh(tokens.refreshToken());
                return Optional.of(tokens.accessToken());
            } catch (RingCentralRejectedException dead) {
                return Optional.empty();
            }
        }
    }

    /** Writes each listener call down as a line ("subscribed COMPANY", "event s-… ANSWERED", "down …", "stopped …"). */
    private static final class Recorder implements NotificationListener {

        final TestTokens tokens;
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<CallEvent> events = new CopyOnWriteArrayList<>();
        final AtomicReference<String> limitation = new AtomicReference<>();
        final AtomicReference<Consumer<String>> whenDown = new AtomicReference<>(reason -> {
        });

        Recorder(TestTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        public void onCallEvent(CallEvent event) {
            events.add(event);
            lines.add("event " + event.telephonySessionId() + " " + event.status());
        }

        @Override
        public void onSubscribed(NotificationScope scope, String why) {
            limitation.set(why);
            lines.add("subscribed " + scope);
        }

        @Override
        public void onRecovered() {
            lines.add("recovered");
        }

        @Override
        public void onDown(String reason) {
            whenDown.get().accept(reason);
            lines.add("down " + reason);
        }

        @Override
        public void onStopped(String reason) {
            lines.add("stopped " + reason);
        }

        List<CallEvent> eventsOf(String telephonySessionId) {
            return events.stream().filter(event -> event.telephonySessionId().equals(telephonySessionId)).toList();
        }

        List<PartyStatus> statusesOf(String telephonySessionId) {
            return eventsOf(telephonySessionId).stream().map(CallEvent::status).toList();
        }

        long count(String prefix) {
            return lines.stream().filter(line -> line.startsWith(prefix)).count();
        }

        String await(Predicate<String> wanted) {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (wanted.test(line)) {
                        return line;
                    }
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(interrupted);
                }
            }
            throw new AssertionError("no such listener call within 15 s; calls were: " + lines);
        }
    }
}
