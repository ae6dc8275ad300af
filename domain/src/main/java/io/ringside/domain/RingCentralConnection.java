package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The company's one connection to RingCentral. It knows when it must be refreshed, when it can
 * no longer be used, and makes its own successors; each successor carries the next version, so a
 * store can save it only over the version it came from (compare-and-set).
 *
 * <p>A connection whose refresh token RingCentral refused stays, with its tokens dropped, as
 * "reconnect needed" for an admin to see; it is never deleted silently.
 *
 * @param ownerId         RingCentral's id of the user who authorised Ringside
 * @param connectedBy     the Ringside admin who connected it
 * @param lastRefreshedAt when its tokens were last refreshed, or null before the first refresh
 * @param problem         why a reconnect is needed, or null while connected
 * @param version         1 for the first connection, +1 for every successor
 */
public record RingCentralConnection(
        Status status,
        AccessToken accessToken,
        RefreshToken refreshToken,
        String ownerId,
        String connectedBy,
        Instant connectedAt,
        Instant lastRefreshedAt,
        String problem,
        long version) {

    public enum Status {
        CONNECTED,
        RECONNECT_NEEDED
    }

    public RingCentralConnection {
        Objects.requireNonNull(status, "status");
        connectedBy = Text.requireText(connectedBy, "Who connected RingCentral");
        Objects.requireNonNull(connectedAt, "connectedAt");
        ownerId = Text.blankToNull(ownerId);
        problem = Text.blankToNull(problem);
        if (version < 1) {
            throw new IllegalArgumentException("A connection's version starts at 1, not " + version);
        }
        if (status == Status.CONNECTED && (accessToken == null || refreshToken == null)) {
            throw new IllegalArgumentException("A connected connection has both tokens");
        }
        if (status == Status.RECONNECT_NEEDED && (accessToken != null || refreshToken != null)) {
            throw new IllegalArgumentException("A connection that needs a reconnect keeps no tokens");
        }
    }

    /** The first connection, made when an admin completed the authorization. */
    public static RingCentralConnection establish(IssuedTokens tokens, String connectedBy, Instant now) {
        return fromTokens(tokens, connectedBy, now, 1);
    }

    /** An admin connected again (after a reconnect was needed, or to change account): it replaces this one. */
    public RingCentralConnection replacedBy(IssuedTokens tokens, String connectedBy, Instant now) {
        return fromTokens(tokens, connectedBy, now, version + 1);
    }

    private static RingCentralConnection fromTokens(IssuedTokens tokens, String connectedBy, Instant now, long version) {
        return new RingCentralConnection(Status.CONNECTED, tokens.accessToken(), tokens.refreshToken(),
                tokens.ownerId(), connectedBy, now, null, null, version);
    }

    public boolean isConnected() {
        return status == Status.CONNECTED;
    }

    /** Connected, and its refresh token has not died: it can still get an access token. */
    public boolean isUsableAt(Instant now) {
        return isConnected() && !refreshToken.isExpiredAt(now);
    }

    /** Its access token can be sent as it is (connected, and not within {@code margin} of expiring). */
    public boolean hasFreshAccessTokenAt(Instant now, RefreshPolicy policy) {
        return isConnected() && now.plus(policy.margin()).isBefore(accessToken.expiresAt());
    }

    /** Refresh now: the access token expires within the margin, or the refresh token is older than the keep-alive age. */
    public boolean mustRefreshAt(Instant now, RefreshPolicy policy) {
        if (!isUsableAt(now)) {
            return false;
        }
        boolean accessTokenExpiring = !hasFreshAccessTokenAt(now, policy);
        boolean refreshTokenAging = !now.isBefore(refreshToken.issuedAt().plus(policy.keepAliveAge()));
        return accessTokenExpiring || refreshTokenAging;
    }

    /** The successor holding RingCentral's rotated pair. */
    public RingCentralConnection refreshed(IssuedTokens tokens, Instant now) {
        requireConnected();
        String owner = tokens.ownerId() != null ? tokens.ownerId() : ownerId;
        return new RingCentralConnection(Status.CONNECTED, tokens.accessToken(), tokens.refreshToken(),
                owner, connectedBy, connectedAt, now, null, version + 1);
    }

    /** The successor that says an admin must connect again, with the tokens dropped. */
    public RingCentralConnection reconnectNeeded(String why) {
        return new RingCentralConnection(Status.RECONNECT_NEEDED, null, null,
                ownerId, connectedBy, connectedAt, lastRefreshedAt, Text.requireText(why, "The reason"), version + 1);
    }

    private void requireConnected() {
        if (!isConnected()) {
            throw new IllegalStateException("The RingCentral connection needs a reconnect; it has no tokens to refresh");
        }
    }
}
