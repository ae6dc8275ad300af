package io.ringside.application.service;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.InMemoryPendingAuthorizationStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.CodeVerifier;
import io.ringside.domain.PendingAuthorization;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectRingCentralServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryPendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore();
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final ConnectRingCentralService service =
            new ConnectRingCentralService(pending, connections, ringCentral, clock, new SecureRandom());

    // ---- start -------------------------------------------------------------------------------

    @Test
    void startSavesAnAttemptAndSendsTheBrowserWithItsStateAndS256Challenge() {
        URI url = service.start("admin");

        Map<String, String> query = query(url);
        assertThat(pending.size()).isEqualTo(1);
        PendingAuthorization saved = pending.take(query.get("state"), NOW).orElseThrow();
        assertThat(saved.startedBy()).isEqualTo("admin");
        assertThat(saved.expiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(10)));
        assertThat(query.get("code_challenge")).isEqualTo(saved.codeVerifier().s256Challenge());
        assertThat(query.get("code_challenge_method")).isEqualTo("S256");
        assertThat(url.toString()).doesNotContain(saved.codeVerifier().value());
    }

    @Test
    void everyStartIsItsOwnAttempt() {
        String first = state(service.start("admin"));
        String second = state(service.start("admin"));

        assertThat(first).isNotEqualTo(second);
        assertThat(pending.size()).isEqualTo(2);
        assertThat(ringCentral.exchanges).hasValue(0);
    }

    // ---- complete ----------------------------------------------------------------------------

    @Test
    void completingWithTheRightStateExchangesTheCodeWithTheVerifierAndSavesTheConnection() {
        URI url = service.start("admin");
        clock.advance(Duration.ofSeconds(20));

        ConnectOutcome outcome = service.complete(state(url), "the-code", "admin");

        assertThat(outcome).isEqualTo(new ConnectOutcome.Connected("owner-42"));
        assertThat(ringCentral.exchanges).hasValue(1);
        assertThat(ringCentral.lastCode).isEqualTo("the-code");
        CodeVerifier sent = ringCentral.lastCodeVerifier;
        assertThat(sent.s256Challenge()).isEqualTo(query(url).get("code_challenge"));
        RingCentralConnection saved = connections.load().orElseThrow();
        assertThat(saved.version()).isEqualTo(1);
        assertThat(saved.isConnected()).isTrue();
        assertThat(saved.accessToken().value()).isEqualTo("access-1");
        assertThat(saved.refreshToken().value()).isEqualTo("refresh-1");
        assertThat(saved.ownerId()).isEqualTo("owner-42");
        assertThat(saved.connectedBy()).isEqualTo("admin");
        assertThat(saved.connectedAt()).isEqualTo(NOW.plusSeconds(20));
        assertThat(pending.size()).isZero();
    }

    @Test
    void aStateJustBeforeItsTenMinutesRunOutStillWorks() {
        String state = state(service.start("admin"));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(service.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.Connected.class);
    }

    @Test
    void anUnknownStateIsRefusedWithoutAskingRingCentral() {
        service.start("admin");
        String neverIssued = PendingAuthorization.start("admin", NOW, new SecureRandom()).state();

        assertThat(service.complete(neverIssued, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x", "' OR 1=1 --", "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="})
    void aForgedStateIsRefusedWithoutAskingRingCentral(String forged) {
        service.start("admin");

        assertThat(service.complete(forged, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void anExpiredStateIsRefusedWithoutAskingRingCentral() {
        String state = state(service.start("admin"));
        clock.advance(Duration.ofMinutes(10));

        assertThat(service.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void anExpiredStateIsRefusedEvenIfTheStoreHandsItOut() {
        InMemoryPendingAuthorizationStore forgetful = new InMemoryPendingAuthorizationStore() {
            @Override
            public Optional<PendingAuthorization> take(String state, Instant now) {
                return super.take(state, Instant.MIN); // ignores expiry
            }
        };
        ConnectRingCentralService withForgetfulStore =
                new ConnectRingCentralService(forgetful, connections, ringCentral, clock, new SecureRandom());
        String state = state(withForgetfulStore.start("admin"));
        clock.advance(Duration.ofMinutes(11));

        assertThat(withForgetfulStore.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
    }

    @Test
    void aStateIsUsedOnceAReplayIsRefusedWithoutAskingRingCentralAgain() {
        String state = state(service.start("admin"));
        assertThat(service.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.Connected.class);

        assertThat(service.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(1);
        assertThat(connections.load().orElseThrow().version()).isEqualTo(1);
    }

    @Test
    void anotherAdminsStateIsRefusedWithoutAskingRingCentral() {
        String alicesState = state(service.start("alice"));

        assertThat(service.complete(alicesState, "code", "bob")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void aRejectedCodeIsReportedWithItsReasonAndNothingIsStored() {
        String state = state(service.start("admin"));
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.CODE_EXPIRED, "OAU-108", "Authorization code expired"));

        ConnectOutcome outcome = service.complete(state, "stale-code", "admin");

        assertThat(outcome).isEqualTo(new ConnectOutcome.CodeRejected(ConnectOutcome.Refusal.CODE_EXPIRED));
        assertThat(connections.load()).isEmpty();
        // The attempt was used: the same state cannot be tried again.
        assertThat(service.complete(state, "another-code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(1);
    }

    @Test
    void ringCentralUnavailableIsReportedAndNothingIsStored() {
        String state = state(service.start("admin"));
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection timed out"));

        ConnectOutcome outcome = service.complete(state, "code", "admin");

        assertThat(outcome).isInstanceOf(ConnectOutcome.Unavailable.class);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void ringCentralRateLimitingIsReportedAsUnavailableWithTheTimeAndNothingIsStored() {
        String state = state(service.start("admin"));
        Instant until = NOW.plusSeconds(60);
        ringCentral.failNextAuth(new RingCentralRateLimitedException("Auth", until));

        ConnectOutcome outcome = service.complete(state, "code", "admin");

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains(until.toString()));
        assertThat(connections.load()).isEmpty();
    }

    // ---- decline -----------------------------------------------------------------------------

    @Test
    void declineIsAccessDeniedAndUsesUpTheState() {
        String state = state(service.start("admin"));

        assertThat(service.decline(state, "access_denied", "admin"))
                .isEqualTo(new ConnectOutcome.AccessDenied("access_denied"));
        assertThat(service.complete(state, "code", "admin")).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void declineWithAnUnknownStateIsStateInvalid() {
        assertThat(service.decline("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "access_denied", "admin"))
                .isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(service.decline("<junk>", "access_denied", "admin"))
                .isInstanceOf(ConnectOutcome.StateInvalid.class);
    }

    // ---- connecting again --------------------------------------------------------------------

    @Test
    void connectingAgainOverAReconnectNeededConnectionReplacesIt() {
        assertThat(service.complete(state(service.start("admin")), "code", "admin")).isInstanceOf(ConnectOutcome.Connected.class);
        RingCentralConnection broken = connections.load().orElseThrow().reconnectNeeded("invalid_grant");
        connections.saveIfVersionMatches(broken);
        clock.advance(Duration.ofDays(2));

        ConnectOutcome outcome = service.complete(state(service.start("other-admin")), "code", "other-admin");

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        RingCentralConnection now = connections.load().orElseThrow();
        assertThat(now.isConnected()).isTrue();
        assertThat(now.version()).isEqualTo(broken.version() + 1);
        assertThat(now.accessToken().value()).isEqualTo("access-2");
        assertThat(now.connectedBy()).isEqualTo("other-admin");
        assertThat(now.connectedAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(now.problem()).isNull();
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static String state(URI url) {
        return query(url).get("state");
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
