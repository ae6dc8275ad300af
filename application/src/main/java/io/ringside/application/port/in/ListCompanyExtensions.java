package io.ringside.application.port.in;

import io.ringside.domain.Extension;

import java.util.List;

/** An admin picks the extension a person sits at from the company's extension list on RingCentral. */
public interface ListCompanyExtensions {

    /**
     * The account's enabled user extensions, ordered by number.
     *
     * @throws ExtensionsUnavailableException with a message for the admin (not connected, no permission,
     *                                        RingCentral unreachable or rate limited); typing the number still works
     */
    List<Extension> extensions();
}
