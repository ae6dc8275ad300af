package io.ringside.application.port.out;

/**
 * Which Ringside instance does the RingCentral work (the push subscription, the call-log reads, the token
 * keep-alive) when several share one database. At most one holds it at a time; one that dies loses it.
 * With a single instance (H2) it always does.
 */
public interface RingCentralOwnership {

    /** Tries to become the owner; true when this instance owns it now (also when it already did). */
    boolean tryAcquire();

    /** Whether this instance still owns it, as the database sees it now. */
    boolean holds();

    /** Gives it up (at shutdown), so another instance takes over at once. */
    void release();
}
