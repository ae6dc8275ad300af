package io.ringside.application.port.out;

/** RingCentral could not be reached, timed out, answered 5xx or something unreadable. Worth trying later. */
public final class RingCentralUnavailableException extends RingCentralException {

    public RingCentralUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public RingCentralUnavailableException(String message) {
        super(message, null);
    }
}
