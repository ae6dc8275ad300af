package io.ringside.application.port.in;

import java.time.Instant;

/**
 * How calls that are ringing or on the line reach Ringside.
 *
 * @param mode        push for the whole company, push for the connected extension only, or polling
 * @param since       when this mode began
 * @param reason      why live calls are limited (polling, or push for one extension), in words for an admin; null when all is well
 * @param lastEventAt the last call event pushed by RingCentral, or null
 * @param reconnects  push connections lost and made again since start
 * @param recoveries  of those, how many RingCentral recovered with the missed events replayed
 */
public record LiveCallsHealth(Mode mode, Instant since, String reason, Instant lastEventAt, int reconnects, int recoveries) {

    public enum Mode {
        /** Every call of the company, pushed as it happens. */
        PUSH_COMPANY,
        /** Pushed, but only the connected extension's calls (a permission is missing). */
        PUSH_CONNECTED_EXTENSION,
        /** Presence of the connected extension read every few seconds, the call log every few more. */
        POLLING
    }

    public boolean isPush() {
        return mode != Mode.POLLING;
    }
}
