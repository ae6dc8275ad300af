package io.ringside.simulator.oauth;

import java.net.URI;

/** What the authorize endpoint does next: ask the user, send the browser back to the app, or show an error page. */
public sealed interface AuthorizeOutcome {

    /** Show the consent page; the user's choice comes back with {@code consentId}. */
    record ShowConsent(String consentId, String appName, String userName, String scope) implements AuthorizeOutcome {
    }

    /** 302 to the app's redirect URI, with either {@code code} or {@code error}, and {@code state}. */
    record RedirectBack(URI location) implements AuthorizeOutcome {
    }

    /** The platform's own error page: nothing may be sent to an unverified redirect URI. */
    record ShowError(String errorCode, String message) implements AuthorizeOutcome {
    }
}
