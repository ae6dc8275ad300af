package io.ringside.application.service;

import io.ringside.application.port.in.ExtensionsUnavailableException;
import io.ringside.application.port.out.AccessTokenRejectedException;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.RingCentralException;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import io.ringside.application.port.out.RingCentralRejectedException;
import io.ringside.application.port.out.RingCentralUnavailableException;
import io.ringside.application.testing.FakeRingCentral;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.application.testing.MutableClock;
import io.ringside.domain.AccessToken;
import io.ringside.domain.Extension;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompanyExtensionsTest {

    private static final Instant T0 = Instant.parse("2026-11-29T09:00:00Z");
    private static final List<Extension> TEAM = List.of(new Extension("62264425002", "102", "Sam Rivera"),
            new Extension("62264425004", "104", "Maria Lopez"));

    private final MutableClock clock = new MutableClock(T0);
    private final InMemoryConnectionStore connections = new InMemoryConnectionStore();
    private final FakeRingCentral ringCentral = new FakeRingCentral(clock);
    private final ConnectionKeeper keeper = new ConnectionKeeper(connections, ringCentral, RefreshPolicy.DEFAULT,
            new Auditor(new InMemoryAuditLog(), clock), clock);
    private final FakeDirectory directory = new FakeDirectory();
    private final CompanyExtensions extensions = new CompanyExtensions(new AuthenticatedRingCentral(keeper, ringCentral), directory, clock);

    private void connect() {
        RingCentralConnection connection = RingCentralConnection.establish(ringCentral.nextTokens(), "admin", clock.instant());
        assertThat(connections.saveIfVersionMatches(connection)).isEqualTo(ConnectionStore.SaveResult.SAVED);
    }

    @Test
    void theCompanyListIsReadWithTheConnectionsTokenAndKeptForAMinute() {
        connect();

        assertThat(extensions.extensions()).isEqualTo(TEAM);
        clock.advance(Duration.ofSeconds(59));
        assertThat(extensions.extensions()).isEqualTo(TEAM);
        assertThat(directory.tokens).extracting(AccessToken::value).containsExactly("access-1");

        clock.advance(Duration.ofSeconds(1));
        assertThat(extensions.extensions()).isEqualTo(TEAM);
        assertThat(directory.tokens).hasSize(2);
    }

    @Test
    void aRejectedTokenIsRefreshedOnceAndTheListAskedForAgain() {
        connect();
        directory.failures.add(new AccessTokenRejectedException("OAU-128"));

        assertThat(extensions.extensions()).isEqualTo(TEAM);

        assertThat(ringCentral.refreshes).hasValue(1);
        assertThat(directory.tokens).extracting(AccessToken::value).containsExactly("access-1", "access-2");
    }

    @Test
    void withoutAConnectionTheAdminIsToldToTypeTheNumber() {
        assertThatThrownBy(extensions::extensions)
                .isInstanceOf(ExtensionsUnavailableException.class)
                .hasMessage("RingCentral is not connected, so the extension list can't be shown. Type the extension number instead.");
        assertThat(directory.tokens).isEmpty();
    }

    @Test
    void aMissingPermissionIsNamedInRingCentralsWords() {
        connect();
        directory.failures.add(new RingCentralRejectedException(RingCentralRejectedException.Reason.MISSING_PERMISSION, "CMN-401",
                "The RingCentral app lacks the ReadAccounts permission"));

        assertThatThrownBy(extensions::extensions)
                .isInstanceOf(ExtensionsUnavailableException.class)
                .hasMessage("The RingCentral app lacks the ReadAccounts permission. Type the extension number instead.");
    }

    @Test
    void rateLimitsAndOutagesSayWhenToTryAgainOrToTypeTheNumber() {
        connect();
        directory.failures.add(new RingCentralRateLimitedException("Medium", T0.plusSeconds(45)));
        directory.failures.add(new RingCentralUnavailableException("timed out"));

        assertThatThrownBy(extensions::extensions)
                .hasMessage("RingCentral asks Ringside to slow down; the extension list can be read again in 45 seconds."
                        + " Type the extension number instead.");
        assertThatThrownBy(extensions::extensions)
                .hasMessage("RingCentral can't be reached right now, so the extension list can't be shown."
                        + " Type the extension number instead.");
    }

    @Test
    void aFailureIsNotKeptTheNextLookAsksAgain() {
        connect();
        directory.failures.add(new RingCentralUnavailableException("timed out"));

        assertThatThrownBy(extensions::extensions).isInstanceOf(ExtensionsUnavailableException.class);
        assertThat(extensions.extensions()).isEqualTo(TEAM);
    }

    private static final class FakeDirectory implements ExtensionDirectory {

        final List<AccessToken> tokens = new ArrayList<>();
        final Deque<RingCentralException> failures = new ArrayDeque<>();

        @Override
        public List<Extension> extensions(AccessToken accessToken) {
            tokens.add(accessToken);
            RingCentralException failure = failures.poll();
            if (failure != null) {
                throw failure;
            }
            return TEAM;
        }
    }
}
