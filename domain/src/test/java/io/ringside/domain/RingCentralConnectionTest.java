package io.ringside.domain;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RingCentralConnectionTest {

    private static final Instant T0 = Instant.parse("2026-11-22T12:00:00Z");
    private static final RefreshPolicy POLICY = RefreshPolicy.DEFAULT;

    /** What RingCentral hands out at {@code at}: access token for 1 h, refresh token for 7 days. */
    private static IssuedTokens tokens(String n, Instant at) {
        return new IssuedTokens(new AccessToken("access-secret-" + n, at.plus(Duration.ofHours(1))),
                new RefreshToken("refresh-secret-" + n, at, at.plus(Duration.ofDays(7))), "owner-42", "ReadCallLog");
    }

    private static RingCentralConnection connectedAt(Instant at) {
        return RingCentralConnection.establish(tokens("1", at), "admin", at);
    }

    @Test
    void theDefaultPolicyIsAFiveMinuteMarginAndADailyKeepAlive() {
        assertThat(POLICY.margin()).isEqualTo(Duration.ofMinutes(5));
        assertThat(POLICY.keepAliveAge()).isEqualTo(Duration.ofHours(24));
    }

    // ---- when to refresh ---------------------------------------------------------------------

    @Test
    void aFreshConnectionNeedsNoRefresh() {
        RingCentralConnection connection = connectedAt(T0);

        assertThat(connection.mustRefreshAt(T0, POLICY)).isFalse();
        assertThat(connection.hasFreshAccessTokenAt(T0, POLICY)).isTrue();
    }

    @Test
    void mustRefreshOnceTheAccessTokenExpiresWithinTheMargin() {
        RingCentralConnection connection = connectedAt(T0);
        Instant expiry = T0.plus(Duration.ofHours(1));

        assertThat(connection.mustRefreshAt(expiry.minus(Duration.ofMinutes(5)).minusSeconds(1), POLICY)).isFalse();
        assertThat(connection.mustRefreshAt(expiry.minus(Duration.ofMinutes(5)), POLICY)).isTrue();
        assertThat(connection.mustRefreshAt(expiry.minus(Duration.ofMinutes(1)), POLICY)).isTrue();
        assertThat(connection.mustRefreshAt(expiry.plusSeconds(1), POLICY)).isTrue();
    }

    @Test
    void theMarginComesFromThePolicy() {
        RingCentralConnection connection = connectedAt(T0);
        Instant fifteenMinutesBeforeExpiry = T0.plus(Duration.ofMinutes(45));

        assertThat(connection.mustRefreshAt(fifteenMinutesBeforeExpiry, POLICY)).isFalse();
        assertThat(connection.mustRefreshAt(fifteenMinutesBeforeExpiry,
                new RefreshPolicy(Duration.ofMinutes(20), Duration.ofHours(24)))).isTrue();
    }

    @Test
    void mustRefreshWhenTheRefreshTokenIsOlderThanTheKeepAliveAgeEvenWithAFreshAccessToken() {
        Instant issued = T0;
        // An access token that is still good for hours, from a refresh token issued 24 h earlier.
        Instant now = issued.plus(Duration.ofHours(24));
        RingCentralConnection connection = new RingCentralConnection(RingCentralConnection.Status.CONNECTED,
                new AccessToken("access-secret", now.plus(Duration.ofHours(1))),
                new RefreshToken("refresh-secret", issued, issued.plus(Duration.ofDays(7))),
                "owner-42", "admin", issued, null, null, 1);

        assertThat(connection.hasFreshAccessTokenAt(now, POLICY)).isTrue();
        assertThat(connection.mustRefreshAt(now.minusSeconds(1), POLICY)).isFalse();
        assertThat(connection.mustRefreshAt(now, POLICY)).isTrue();
    }

    @Test
    void aConnectionWhoseRefreshTokenExpiredIsUnusableAndIsNotRefreshed() {
        RingCentralConnection connection = connectedAt(T0);
        Instant refreshTokenExpiry = T0.plus(Duration.ofDays(7));

        assertThat(connection.isUsableAt(refreshTokenExpiry.minusSeconds(1))).isTrue();
        assertThat(connection.isUsableAt(refreshTokenExpiry)).isFalse();
        assertThat(connection.mustRefreshAt(refreshTokenExpiry, POLICY)).isFalse();
        assertThat(connection.mustRefreshAt(refreshTokenExpiry.plus(Duration.ofDays(1)), POLICY)).isFalse();
    }

    @Test
    void aConnectionThatNeedsAReconnectIsUnusableAndIsNotRefreshed() {
        RingCentralConnection broken = connectedAt(T0).reconnectNeeded("invalid_grant");
        Instant later = T0.plus(Duration.ofHours(2));

        assertThat(broken.isConnected()).isFalse();
        assertThat(broken.isUsableAt(later)).isFalse();
        assertThat(broken.mustRefreshAt(later, POLICY)).isFalse();
        assertThat(broken.hasFreshAccessTokenAt(T0, POLICY)).isFalse();
    }

    // ---- successors --------------------------------------------------------------------------

    @Test
    void establishIsVersionOneReplacedByIsTheNextVersion() {
        RingCentralConnection first = connectedAt(T0);
        Instant later = T0.plus(Duration.ofDays(1));
        RingCentralConnection second = first.replacedBy(tokens("2", later), "other-admin", later);

        assertThat(first.version()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(RingCentralConnection.Status.CONNECTED);
        assertThat(first.connectedBy()).isEqualTo("admin");
        assertThat(first.connectedAt()).isEqualTo(T0);
        assertThat(first.ownerId()).isEqualTo("owner-42");
        assertThat(first.lastRefreshedAt()).isNull();
        assertThat(second.version()).isEqualTo(2);
        assertThat(second.connectedBy()).isEqualTo("other-admin");
        assertThat(second.connectedAt()).isEqualTo(later);
        assertThat(second.accessToken().value()).isEqualTo("access-secret-2");
    }

    @Test
    void aReconnectNeededConnectionCanBeReplacedByANewOne() {
        RingCentralConnection broken = connectedAt(T0).reconnectNeeded("invalid_grant");
        RingCentralConnection again = broken.replacedBy(tokens("2", T0), "admin", T0);

        assertThat(again.isConnected()).isTrue();
        assertThat(again.version()).isEqualTo(broken.version() + 1);
        assertThat(again.problem()).isNull();
    }

    @Test
    void refreshedHoldsTheNewPairAsTheNextVersion() {
        RingCentralConnection connection = connectedAt(T0);
        Instant now = T0.plus(Duration.ofMinutes(56));
        IssuedTokens rotated = tokens("2", now);

        RingCentralConnection refreshed = connection.refreshed(rotated, now);

        assertThat(refreshed.version()).isEqualTo(2);
        assertThat(refreshed.accessToken()).isEqualTo(rotated.accessToken());
        assertThat(refreshed.refreshToken()).isEqualTo(rotated.refreshToken());
        assertThat(refreshed.lastRefreshedAt()).isEqualTo(now);
        assertThat(refreshed.connectedBy()).isEqualTo("admin");
        assertThat(refreshed.connectedAt()).isEqualTo(T0);
        assertThat(refreshed.ownerId()).isEqualTo("owner-42");
        assertThat(refreshed.mustRefreshAt(now, POLICY)).isFalse();
    }

    @Test
    void aRefreshWithoutAnOwnerIdKeepsTheKnownOne() {
        Instant now = T0.plus(Duration.ofMinutes(56));
        IssuedTokens withoutOwner = new IssuedTokens(new AccessToken("a2", now.plusSeconds(3600)),
                new RefreshToken("r2", now, now.plus(Duration.ofDays(7))), null, null);

        assertThat(connectedAt(T0).refreshed(withoutOwner, now).ownerId()).isEqualTo("owner-42");
    }

    @Test
    void reconnectNeededDropsTheTokensKeepsWhoAndWhenAndIsTheNextVersion() {
        RingCentralConnection refreshed = connectedAt(T0).refreshed(tokens("2", T0.plusSeconds(3300)), T0.plusSeconds(3300));

        RingCentralConnection broken = refreshed.reconnectNeeded("RingCentral no longer accepts the refresh token");

        assertThat(broken.status()).isEqualTo(RingCentralConnection.Status.RECONNECT_NEEDED);
        assertThat(broken.accessToken()).isNull();
        assertThat(broken.refreshToken()).isNull();
        assertThat(broken.version()).isEqualTo(3);
        assertThat(broken.connectedBy()).isEqualTo("admin");
        assertThat(broken.connectedAt()).isEqualTo(T0);
        assertThat(broken.ownerId()).isEqualTo("owner-42");
        assertThat(broken.lastRefreshedAt()).isEqualTo(T0.plusSeconds(3300));
        assertThat(broken.problem()).isEqualTo("RingCentral no longer accepts the refresh token");
    }

    @Test
    void aConnectionThatNeedsAReconnectCannotBeRefreshed() {
        RingCentralConnection broken = connectedAt(T0).reconnectNeeded("invalid_grant");

        assertThatThrownBy(() -> broken.refreshed(tokens("2", T0), T0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void reconnectNeededRequiresAReason() {
        assertThatThrownBy(() -> connectedAt(T0).reconnectNeeded(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- invariants --------------------------------------------------------------------------

    @Test
    void theConstructorEnforcesTheInvariants() {
        AccessToken access = new AccessToken("a", T0.plusSeconds(3600));
        RefreshToken refresh = new RefreshToken("r", T0, T0.plus(Duration.ofDays(7)));
        var connected = RingCentralConnection.Status.CONNECTED;
        var reconnect = RingCentralConnection.Status.RECONNECT_NEEDED;

        assertThatThrownBy(() -> new RingCentralConnection(connected, access, refresh, "o", "admin", T0, null, null, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version");
        assertThatThrownBy(() -> new RingCentralConnection(connected, null, refresh, "o", "admin", T0, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both tokens");
        assertThatThrownBy(() -> new RingCentralConnection(connected, access, null, "o", "admin", T0, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both tokens");
        assertThatThrownBy(() -> new RingCentralConnection(reconnect, access, null, "o", "admin", T0, null, "x", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tokens");
        assertThatThrownBy(() -> new RingCentralConnection(reconnect, null, refresh, "o", "admin", T0, null, "x", 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no tokens");
        assertThatThrownBy(() -> new RingCentralConnection(connected, access, refresh, "o", " ", T0, null, null, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("connected");
        assertThatThrownBy(() -> new RingCentralConnection(connected, access, refresh, "o", "admin", null, null, null, 1))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new RingCentralConnection(null, access, refresh, "o", "admin", T0, null, null, 1))
                .isInstanceOf(NullPointerException.class);
        // The valid ones, so the rejections above are about the one thing each breaks.
        assertThat(new RingCentralConnection(connected, access, refresh, "o", "admin", T0, null, null, 1).isConnected()).isTrue();
        assertThat(new RingCentralConnection(reconnect, null, null, "o", "admin", T0, null, "x", 2).isConnected()).isFalse();
    }

    @Test
    void tokensRejectBlankValuesAndARefreshTokenThatDiesBeforeItIsIssued() {
        assertThatThrownBy(() -> new AccessToken(" ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshToken("", T0, T0.plusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshToken("r", T0, T0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refreshPolicyRejectsAMarginOrKeepAliveThatWouldLoseTheConnection() {
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofMinutes(-1), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofMinutes(51), Duration.ofHours(24)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofMinutes(5), Duration.ofDays(7)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RefreshPolicy(Duration.ofMinutes(5), Duration.ofMinutes(9)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- secrets never print -----------------------------------------------------------------

    @Test
    void noTokenValueAppearsInToString() {
        RingCentralConnection connection = connectedAt(T0);

        assertThat(connection.toString())
                .doesNotContain("access-secret-1")
                .doesNotContain("refresh-secret-1")
                .contains("owner-42"); // positive control: the rest of the record does print
        assertThat(connection.accessToken().toString()).doesNotContain("access-secret-1").contains("expiresAt");
        assertThat(connection.refreshToken().toString()).doesNotContain("refresh-secret-1").contains("expiresAt");
        assertThat(tokens("7", T0).toString()).doesNotContain("access-secret-7").doesNotContain("refresh-secret-7");
    }
}
