package io.ringside.bootstrap.security;

import io.ringside.adapters.persistence.cluster.InMemorySessionEndRequests;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.SessionEndRequests;
import io.ringside.application.testing.LoopbackSignals;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two Ringside instances sharing one store of requests and one signal bus, each with its own sessions: an admin
 * on one ends a person's sessions on both, each audited once.
 */
class ClusterWideSessionsTest {

    private static final String ENDED = "sessionEnded sam: ended by an admin";

    private final TestClock clock = new TestClock();
    private final FlakyRequests requests = new FlakyRequests();
    private final LoopbackSignals signals = new LoopbackSignals();
    private final Instance a = new Instance();
    private final Instance b = new Instance();

    @Test
    void endingSomeonesSessionsOnOneInstanceEndsThemOnTheOtherOnce() {
        MockHttpSession samAtA = a.logIn("sam");
        MockHttpSession samAtB = b.logIn("sam");
        MockHttpSession colleagueAtB = b.logIn("operator");

        a.sessions.endAll("sam");

        assertThat(samAtA.isInvalid()).isTrue();
        assertThat(samAtB.isInvalid()).as("sam's session on the other instance").isTrue();
        assertThat(colleagueAtB.isInvalid()).isFalse();
        assertThat(a.audit.ended()).containsExactly(ENDED);
        assertThat(b.audit.ended()).containsExactly(ENDED);
        assertThat(signals.sent).containsExactly(ClusterSignals.Topic.SESSIONS);

        a.sweep();
        b.sweep();
        signals.listener(1).reconnect();

        assertThat(a.audit.ended()).as("read again, still ended once").containsExactly(ENDED);
        assertThat(b.audit.ended()).containsExactly(ENDED);
    }

    @Test
    void anInstanceThatMissedTheSignalCatchesUpWhenItListensAgain() {
        MockHttpSession samAtB = b.logIn("sam");
        LoopbackSignals.Listener bListening = signals.listener(1);
        bListening.dropConnection();

        a.sessions.endAll("sam");
        assertThat(samAtB.isInvalid()).as("B did not hear").isFalse();

        bListening.reconnect();

        assertThat(samAtB.isInvalid()).isTrue();
        assertThat(b.audit.ended()).containsExactly(ENDED);
    }

    @Test
    void theMinuteSweepCatchesUpALostSignal() {
        MockHttpSession samAtB = b.logIn("sam");
        signals.listener(1).dropConnection();

        a.sessions.endAll("sam");
        clock.advance(Duration.ofMinutes(1));
        b.sweep();

        assertThat(samAtB.isInvalid()).isTrue();
        assertThat(b.audit.ended()).containsExactly(ENDED);
    }

    @Test
    void aLoginAfterTheRequestIsLeftAloneWhenTheRequestIsReadAgain() {
        b.logIn("sam");
        a.sessions.endAll("sam");
        clock.advance(Duration.ofSeconds(10));

        MockHttpSession again = b.logIn("sam"); // re-enabled, logged in again
        b.sweep();
        signals.listener(1).reconnect();

        assertThat(again.isInvalid()).isFalse();
        assertThat(b.audit.ended()).containsExactly(ENDED);
    }

    @Test
    void aRequestThatCouldNotBeStoredEndsTheSessionsHereAndReachesTheOthersAtTheNextSweep() {
        MockHttpSession samAtA = a.logIn("sam");
        MockHttpSession samAtB = b.logIn("sam");
        requests.failing = true;

        a.sessions.endAll("sam");

        assertThat(samAtA.isInvalid()).as("here, at once").isTrue();
        assertThat(samAtB.isInvalid()).isFalse();

        requests.failing = false;
        clock.advance(Duration.ofMinutes(1));
        a.sweep();

        assertThat(samAtB.isInvalid()).isTrue();
        assertThat(a.audit.ended()).containsExactly(ENDED);
        assertThat(b.audit.ended()).containsExactly(ENDED);
    }

    @Test
    void requestsAreForgottenOnceNoSessionTheyConcernCanStillBeOpen() {
        a.sessions.endAll("sam");
        clock.advance(SessionSettings.defaults().sessionMaxAge().plus(ClusterWideSessions.OVERLAP).plusSeconds(1));

        a.sweep();

        assertThat(requests.since(Instant.EPOCH)).isEmpty();
    }

    /** One Ringside instance: its own sessions and audit, the shared requests and signals. */
    private final class Instance {
        final RecordingLogIn audit = new RecordingLogIn();
        final OpenSessions open = new OpenSessions(audit, SessionSettings.defaults(), clock);
        final ClusterWideSessions sessions = new ClusterWideSessions(open, requests, signals, clock,
                SessionSettings.defaults().sessionMaxAge());

        Instance() {
            open.alsoOnSweep(sessions::sweep);
            signals.listen(sessions::signalled, sessions::reconnected);
        }

        MockHttpSession logIn(String username) {
            MockHttpSession session = new MockHttpSession();
            open.loggedIn(session, username);
            return session;
        }

        void sweep() {
            open.sweep();
        }
    }

    /** The shared store, which can be unreachable. */
    private static final class FlakyRequests implements SessionEndRequests {
        private final InMemorySessionEndRequests store = new InMemorySessionEndRequests();
        volatile boolean failing;

        @Override
        public void request(String username, Instant at) {
            if (failing) {
                throw new IllegalStateException("database unreachable");
            }
            store.request(username, at);
        }

        @Override
        public List<Request> since(Instant from) {
            return store.since(from);
        }

        @Override
        public int purge(Instant before) {
            return store.purge(before);
        }
    }
}
