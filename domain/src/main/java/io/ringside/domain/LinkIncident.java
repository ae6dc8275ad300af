package io.ringside.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * The link between Ringside and RingCentral is broken in a way an admin must hear about. One
 * incident lasts from the moment it is noticed until it is fixed; the same cause after a fix is a
 * new incident.
 *
 * @param cause       what is broken
 * @param since       when it broke, as far as Ringside can tell
 * @param explanation what happened and what to do, in words for an admin (never a token or a key)
 */
public record LinkIncident(Cause cause, Instant since, String explanation) {

    public enum Cause {
        /** RingCentral no longer accepts the connection (refresh token refused, encryption key changed): an admin must connect again. */
        RECONNECT_NEEDED,
        /** RingCentral push has been down too long: calls ringing at other extensions show only after they end. */
        PUSH_DOWN
    }

    public LinkIncident {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(since, "since");
        explanation = Text.requireText(explanation, "An explanation");
    }
}
