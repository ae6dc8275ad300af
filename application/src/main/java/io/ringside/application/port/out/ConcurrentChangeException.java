package io.ringside.application.port.out;

/** A stored record changed since it was read (optimistic locking). */
public class ConcurrentChangeException extends RuntimeException {

    public ConcurrentChangeException(String what) {
        super(what + " was changed by someone else meanwhile");
    }
}
