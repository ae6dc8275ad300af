package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.RingCentralUnavailableException;

/**
 * Inside the adapter only: an idempotent GET failed in a way worth trying again (an I/O error or a 5xx).
 * Carries what the caller gets when the retries run out.
 */
final class RetryableFailure extends RuntimeException {

    private final RingCentralUnavailableException whenExhausted;

    RetryableFailure(RingCentralUnavailableException whenExhausted) {
        super(whenExhausted.getMessage(), whenExhausted, false, false);
        this.whenExhausted = whenExhausted;
    }

    RingCentralUnavailableException whenExhausted() {
        return whenExhausted;
    }
}
