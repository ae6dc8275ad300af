package io.ringside.application.port.in;

import io.ringside.application.port.out.RingCentralRejectedException;

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
    record CodeRejected(RingCentralRejectedException.Reason reason) implements ConnectOutcome {
    }

    /** RingCentral could not be reached or is rate limiting; trying again later may work. */
    record Unavailable(String reason) implements ConnectOutcome {
    }
}
