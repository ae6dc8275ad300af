package io.ringside.application.service;

import io.ringside.application.port.in.ConnectOutcome;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.InMemoryPendingAuthorizationStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.Actor;
import io.ringside.domain.AuditEntry;
import io.ringside.domain.AuditKind;
import io.ringside.domain.AuditOutcome;
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
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectRingCentralServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-22T15:00:00Z");
    private static final Actor ADMIN = new Actor(UUID.randomUUID(), "admin", "Administrator", "10.0.0.5");
    private static final Actor OTHER_ADMIN = new Actor(UUID.randomUUID(), "other-admin", "Other Admin", "10.0.0.6");
    private static final Actor ALICE = new Actor(UUID.randomUUID(), "alice", "Alice Admin", null);
    private static final Actor BOB = new Actor(UUID.randomUUID(), "bob", "Bob Admin", null);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryPendingAuthorizationStore pending = new InMemoryPendingAuthorizationStore();
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final InMemoryAuditLog audit = new InMemoryAuditLog();
    private final ConnectRingCentralService service =
            new ConnectRingCentralService(pending, connections, ringCentral, new Auditor(audit, clock), clock, new SecureRandom());

    // ---- start -------------------------------------------------------------------------------

    @Test
    void startSavesAnAttemptAndSendsTheBrowserWithItsStateAndS256Challenge() {
        URI url = service.start(ADMIN);

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
        String first = state(service.start(ADMIN));
        String second = state(service.start(ADMIN));

        assertThat(first).isNotEqualTo(second);
        assertThat(pending.size()).isEqualTo(2);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(audit.entries()).as("starting is not audited; how the attempt ends is").isEmpty();
    }

    // ---- complete ----------------------------------------------------------------------------

    @Test
    void completingWithTheRightStateExchangesTheCodeWithTheVerifierAndSavesTheConnection() {
        URI url = service.start(ADMIN);
        clock.advance(Duration.ofSeconds(20));

        ConnectOutcome outcome = service.complete(state(url), "the-code", ADMIN);

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
        AuditEntry entry = audited(AuditOutcome.SUCCEEDED);
        assertThat(entry.actor()).isEqualTo(ADMIN);
        assertThat(entry.at()).isEqualTo(NOW.plusSeconds(20));
        assertThat(entry.detail()).isEqualTo("RingCentral user owner-42 authorised Ringside");
    }

    @Test
    void aStateJustBeforeItsTenMinutesRunOutStillWorks() {
        String state = state(service.start(ADMIN));
        clock.advance(Duration.ofMinutes(10).minusSeconds(1));

        assertThat(service.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.Connected.class);
    }

    @Test
    void anUnknownStateIsRefusedWithoutAskingRingCentral() {
        service.start(ADMIN);
        String neverIssued = PendingAuthorization.start("admin", NOW, new SecureRandom()).state();

        assertThat(service.complete(neverIssued, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
        assertThat(audited(AuditOutcome.REFUSED).detail())
                .isEqualTo("The connection attempt is unknown, expired, already used or another admin's");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"x", "' OR 1=1 --", "../../etc/passwd", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=="})
    void aForgedStateIsRefusedWithoutAskingRingCentral(String forged) {
        service.start(ADMIN);

        assertThat(service.complete(forged, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
        audited(AuditOutcome.REFUSED);
    }

    @Test
    void anExpiredStateIsRefusedWithoutAskingRingCentral() {
        String state = state(service.start(ADMIN));
        clock.advance(Duration.ofMinutes(10));

        assertThat(service.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
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
                new ConnectRingCentralService(forgetful, connections, ringCentral, new Auditor(audit, clock), clock, new SecureRandom());
        String state = state(withForgetfulStore.start(ADMIN));
        clock.advance(Duration.ofMinutes(11));

        assertThat(withForgetfulStore.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
    }

    @Test
    void aStateIsUsedOnceAReplayIsRefusedWithoutAskingRingCentralAgain() {
        String state = state(service.start(ADMIN));
        assertThat(service.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.Connected.class);

        assertThat(service.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(1);
        assertThat(connections.load().orElseThrow().version()).isEqualTo(1);
        assertThat(audit.entries()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.SUCCEEDED, AuditOutcome.REFUSED);
    }

    @Test
    void anotherAdminsStateIsRefusedWithoutAskingRingCentral() {
        String alicesState = state(service.start(ALICE));

        assertThat(service.complete(alicesState, "code", BOB)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
        assertThat(audited(AuditOutcome.REFUSED).actor()).as("the admin who tried").isEqualTo(BOB);
    }

    @Test
    void aRejectedCodeIsReportedWithItsReasonAndNothingIsStored() {
        String state = state(service.start(ADMIN));
        ringCentral.failNextAuth(new RingCentralRejectedException(
                RingCentralRejectedException.Reason.CODE_EXPIRED, "OAU-108", "Authorization code expired"));

        ConnectOutcome outcome = service.complete(state, "stale-code", ADMIN);

        assertThat(outcome).isEqualTo(new ConnectOutcome.CodeRejected(ConnectOutcome.Refusal.CODE_EXPIRED));
        assertThat(connections.load()).isEmpty();
        assertThat(audited(AuditOutcome.FAILED).detail())
                .isEqualTo("RingCentral refused the authorization code (CODE_EXPIRED, OAU-108)");
        // The attempt was used: the same state cannot be tried again.
        assertThat(service.complete(state, "another-code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(1);
    }

    @Test
    void ringCentralUnavailableIsReportedAndNothingIsStored() {
        String state = state(service.start(ADMIN));
        ringCentral.failNextAuth(new RingCentralUnavailableException("Connection timed out"));

        ConnectOutcome outcome = service.complete(state, "code", ADMIN);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Unavailable.class);
        assertThat(connections.load()).isEmpty();
        assertThat(audited(AuditOutcome.FAILED).detail()).isEqualTo("RingCentral could not be reached: Connection timed out");
    }

    @Test
    void ringCentralRateLimitingIsReportedAsUnavailableWithTheTimeAndNothingIsStored() {
        String state = state(service.start(ADMIN));
        Instant until = NOW.plusSeconds(60);
        ringCentral.failNextAuth(new RingCentralRateLimitedException("Auth", until));

        ConnectOutcome outcome = service.complete(state, "code", ADMIN);

        assertThat(outcome).isInstanceOfSatisfying(ConnectOutcome.Unavailable.class,
                unavailable -> assertThat(unavailable.reason()).contains(until.toString()));
        assertThat(connections.load()).isEmpty();
        assertThat(audited(AuditOutcome.FAILED).detail()).contains(until.toString());
    }

    // ---- decline -----------------------------------------------------------------------------

    @Test
    void declineIsAccessDeniedAndUsesUpTheState() {
        String state = state(service.start(ADMIN));

        assertThat(service.decline(state, "access_denied", ADMIN))
                .isEqualTo(new ConnectOutcome.AccessDenied("access_denied"));
        assertThat(audited(AuditOutcome.FAILED).detail()).isEqualTo("RingCentral did not grant access (access_denied)");
        assertThat(service.complete(state, "code", ADMIN)).isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(ringCentral.exchanges).hasValue(0);
        assertThat(connections.load()).isEmpty();
    }

    @Test
    void declineWithAnUnknownStateIsStateInvalid() {
        assertThat(service.decline("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "access_denied", ADMIN))
                .isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(service.decline("<junk>", "access_denied", ADMIN))
                .isInstanceOf(ConnectOutcome.StateInvalid.class);
        assertThat(audit.entries()).extracting(AuditEntry::outcome).containsExactly(AuditOutcome.REFUSED, AuditOutcome.REFUSED);
    }

    @Test
    void anErrorThatIsNotAnOAuthErrorCodeIsNotCopiedIntoTheAuditTrail() {
        String state = state(service.start(ADMIN));

        service.decline(state, "<script>alert(1)</script>", ADMIN);

        assertThat(audited(AuditOutcome.FAILED).detail()).isEqualTo("RingCentral did not grant access (an unrecognised error)");
    }

    @Test
    void aConnectionThatCannotBeSavedIsAuditedAsFailedAndTheErrorStillReachesTheCaller() {
        InMemoryConnectionStore alwaysChanged = new InMemoryConnectionStore() {
            @Override
            public SaveResult saveIfVersionMatches(RingCentralConnection connection) {
                return SaveResult.VERSION_CONFLICT;
            }
        };
        ConnectRingCentralService withBusyStore =
                new ConnectRingCentralService(pending, alwaysChanged, ringCentral, new Auditor(audit, clock), clock, new SecureRandom());
        String state = state(withBusyStore.start(ADMIN));

        assertThatThrownBy(() -> withBusyStore.complete(state, "code", ADMIN)).isInstanceOf(IllegalStateException.class);

        assertThat(audited(AuditOutcome.FAILED).detail()).startsWith("The connection could not be saved");
    }

    // ---- connecting again --------------------------------------------------------------------

    @Test
    void connectingAgainOverAReconnectNeededConnectionReplacesIt() {
        assertThat(service.complete(state(service.start(ADMIN)), "code", ADMIN)).isInstanceOf(ConnectOutcome.Connected.class);
        RingCentralConnection broken = connections.load().orElseThrow().reconnectNeeded("invalid_grant");
        connections.saveIfVersionMatches(broken);
        clock.advance(Duration.ofDays(2));

        ConnectOutcome outcome = service.complete(state(service.start(OTHER_ADMIN)), "code", OTHER_ADMIN);

        assertThat(outcome).isInstanceOf(ConnectOutcome.Connected.class);
        RingCentralConnection now = connections.load().orElseThrow();
        assertThat(now.isConnected()).isTrue();
        assertThat(now.version()).isEqualTo(broken.version() + 1);
        assertThat(now.accessToken().value()).isEqualTo("access-2");
        assertThat(now.connectedBy()).isEqualTo("other-admin");
        assertThat(now.connectedAt()).isEqualTo(NOW.plus(Duration.ofDays(2)));
        assertThat(now.problem()).isNull();
        assertThat(audit.of(AuditKind.RINGCENTRAL_CONNECTED)).extracting(AuditEntry::actor).containsExactly(ADMIN, OTHER_ADMIN);
    }

    // ---- helpers -----------------------------------------------------------------------------

    /** The one audit entry the attempt wrote, with this outcome. */
    private AuditEntry audited(AuditOutcome outcome) {
        AuditEntry entry = audit.only();
        assertThat(entry.kind()).isEqualTo(AuditKind.RINGCENTRAL_CONNECTED);
        assertThat(entry.outcome()).isEqualTo(outcome);
        assertThat(entry.subject()).isEqualTo("RingCentral");
        return entry;
    }

    private static String state(URI url) {
        return query(url).get("state");
    }

    private static Map<String, String> query(URI url) {
        return Arrays.stream(url.getRawQuery().split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(pair -> pair[0], pair -> pair[1]));
    }
}
