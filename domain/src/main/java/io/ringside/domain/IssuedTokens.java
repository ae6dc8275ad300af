package io.ringside.domain;

import java.util.Objects;

/**
 * What RingCentral's token endpoint hands out on a code exchange or a refresh.
 *
 * @param ownerId RingCentral's id of the user who authorised the app (its extension id)
 * @param scope   the permissions granted, space separated, as RingCentral sent them (may be null)
 */
public record IssuedTokens(AccessToken accessToken, RefreshToken refreshToken, String ownerId, String scope) {

    public IssuedTokens {
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(refreshToken, "refreshToken");
        ownerId = Text.blankToNull(ownerId);
        scope = Text.blankToNull(scope);
    }
}
