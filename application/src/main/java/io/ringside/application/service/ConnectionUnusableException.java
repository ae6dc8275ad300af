package io.ringside.application.service;

/** There is no connection to take a token from: none was made, or RingCentral ended it. */
public final class ConnectionUnusableException extends RuntimeException {

    public enum Why {
        NOT_CONNECTED,
        RECONNECT_NEEDED
    }

    private final Why why;

    public ConnectionUnusableException(Why why) {
        super(why == Why.NOT_CONNECTED
                ? "RingCentral is not connected"
                : "RingCentral needs to be connected again");
        this.why = why;
    }

    public Why why() {
        return why;
    }
}
