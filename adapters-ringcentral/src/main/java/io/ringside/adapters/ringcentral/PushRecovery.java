package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.PushFrame.Wsc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;

/**
 * What it takes to recover a push session after its connection was lost: RingCentral's session token
 * (wsc, with the newest sequence seen), when the connection was lost, RingCentral's recovery timeout, and
 * whether the current connection asked to recover. The wsc token is a secret: never logged.
 *
 * <p>Used only on the session's thread.
 */
final class PushRecovery {

    /** Logs under the session's name, where operators and tests look for the push client's lines. */
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    /** RingCentral's recovery timeout when ConnectionDetails does not say. */
    static final Duration DEFAULT_RECOVERY_TIMEOUT = Duration.ofSeconds(180);

    private Wsc wsc;
    private Instant lostAt;
    private Duration timeout = DEFAULT_RECOVERY_TIMEOUT;
    private boolean attempted;

    /**
     * Decides for the next connection: the wsc token to recover the session with, or null to start a new
     * session (none known, or lost longer ago than the recovery timeout).
     */
    String begin(Instant now) {
        boolean recover = wsc != null && lostAt != null;
        if (recover && Duration.between(lostAt, now).compareTo(timeout) > 0) {
            log.info("The push connection was down longer than RingCentral's recovery timeout ({} s): starting a new session",
                    timeout.toSeconds());
            recover = false;
        }
        if (!recover) {
            wsc = null;
        }
        attempted = recover;
        return recover ? wsc.token() : null;
    }

    /** Whether the current connection asked to recover the session. */
    boolean attempted() {
        return attempted;
    }

    /** Keeps the message's wsc when it is the first, a ConnectionDetails' or newer than the one kept. */
    void track(PushFrame frame) {
        if (frame.wsc() != null && (wsc == null || frame.is(PushFrame.CONNECTION_DETAILS) || frame.wsc().sequence() > wsc.sequence())) {
            wsc = frame.wsc();
        }
    }

    /** RingCentral's recovery timeout from ConnectionDetails; 0 or less when it does not say. */
    void timeout(long seconds) {
        timeout = seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_RECOVERY_TIMEOUT;
    }

    /** An established connection was lost at this moment: the recovery timeout counts from it. */
    void lost(Instant now) {
        lostAt = now;
    }

    /** A connection is established: nothing lost any more. */
    void established() {
        lostAt = null;
    }

    /** The connection was refused or ended before it was established: if it tried to recover, the wsc may be stale. */
    void refused() {
        if (attempted) {
            wsc = null;
        }
    }

    /** The next connection starts a new session. */
    void forget() {
        wsc = null;
    }
}
