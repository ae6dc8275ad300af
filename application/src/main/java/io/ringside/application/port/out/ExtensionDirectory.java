package io.ringside.application.port.out;

import io.ringside.domain.AccessToken;
import io.ringside.domain.Extension;

import java.util.List;

/**
 * The company's desks on RingCentral, so an admin can link a person to their extension. Failures are
 * thrown as {@link RingCentralException}s; {@link AccessTokenRejectedException} means the token was
 * refused and the caller decides whether to refresh.
 */
public interface ExtensionDirectory {

    /**
     * Every enabled user extension of the account (all pages), ordered by extension number. Each has
     * its id, its short number and the person's name.
     */
    List<Extension> extensions(AccessToken accessToken);
}
