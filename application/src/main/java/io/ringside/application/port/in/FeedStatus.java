package io.ringside.application.port.in;

import java.time.Instant;
import java.util.Objects;

/** Whether the Recent callers list is current, and if not, why. */
public sealed interface FeedStatus {

    record Ok() implements FeedStatus {
    }

    /** No admin has connected RingCentral yet. */
    record NotConnected() implements FeedStatus {
    }

    /** RingCentral stopped accepting the connection; an admin must connect again. */
    record ReconnectNeeded() implements FeedStatus {
    }

    /** RingCentral could not be reached or answered with an error. */
    record Unavailable(String reason) implements FeedStatus {
    }

    /** RingCentral's rate limit applies until {@code until}; nothing is asked before then. */
    record RateLimitedUntil(Instant until) implements FeedStatus {
        public RateLimitedUntil {
            Objects.requireNonNull(until, "until");
        }
    }
}
