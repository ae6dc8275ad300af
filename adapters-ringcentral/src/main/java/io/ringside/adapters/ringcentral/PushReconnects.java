package io.ringside.adapters.ringcentral;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledFuture;

/**
 * When a push session tries again: the backoff after the failed tries in a row (or a later moment that a
 * rate limit or the open circuit breaker names), and the one reconnect scheduled. Used only on the
 * session's thread.
 */
final class PushReconnects {

    private final PushBackoff backoff;
    private final Clock clock;
    private int failures;
    private ScheduledFuture<?> scheduled;

    PushReconnects(PushBackoff backoff, Clock clock) {
        this.backoff = backoff;
        this.clock = clock;
    }

    /** One more failed try: the wait before the next, at least until {@code notBefore} when given. */
    Duration delayAfterFailure(Instant notBefore) {
        Duration delay = backoff.delay(failures++);
        if (notBefore != null) {
            Duration wait = PushSession.untilNow(clock, notBefore);
            if (wait.compareTo(delay) > 0) {
                delay = wait;
            }
        }
        return delay;
    }

    /** A connection recovered or subscribed: the backoff starts over. */
    void succeeded() {
        failures = 0;
    }

    /** Whether a reconnect is scheduled and has not started yet. */
    boolean isScheduled() {
        return scheduled != null;
    }

    /** The reconnect scheduled (null when the executor refused it), replacing none. */
    void scheduled(ScheduledFuture<?> reconnect) {
        scheduled = reconnect;
    }

    /** The scheduled reconnect is running. */
    void started() {
        scheduled = null;
    }

    /** Cancels the scheduled reconnect, if any. */
    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
        }
    }
}
