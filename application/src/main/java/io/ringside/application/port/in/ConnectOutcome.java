package io.ringside.application.port.in;

/** How an attempt to connect RingCentral ended, in terms a page can put in words. */
public sealed interface ConnectOutcome {

    /** Connected; {@code ownerId} is RingCentral's id of the user who authorised Ringside. */
    record Connected(String ownerId) implements ConnectOutcome {
    }

    /** The state is unknown, forged, expired, already used or another admin's; RingCentral was not called. */
    record StateInvalid() implements ConnectOutcome {
    }

    /** The person at RingCentral declined (or RingCentral reported another authorization error). */
    record AccessDenied(String error) implements ConnectOutcome {
    }

    /** RingCentral refused the code exchange (bad, expired or mismatched code, wrong client). */
    record CodeRejected(Refusal reason) implements ConnectOutcome {
    }

    /** Why RingCentral refused the code, as far as an admin can act on it. */
    enum Refusal {
        /** The code is unknown or was used already. */
        CODE_REJECTED,
        /** The code expired (it lives about a minute). */
        CODE_EXPIRED,
        /** The redirect URI differs from the app's registered one. */
        REDIRECT_MISMATCH,
        /** The client id or secret is wrong. */
        BAD_CLIENT_CREDENTIALS,
        /** Anything else. */
        OTHER
    }

    /** RingCentral could not be reached or is rate limiting; trying again later may work. */
    record Unavailable(String reason) implements ConnectOutcome {
    }
}
