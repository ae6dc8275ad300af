package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.RingCentralOwnership;

/** A single instance (H2: one process per database file) owns the RingCentral work, always. */
public final class SoleOwnership implements RingCentralOwnership {

    @Override
    public boolean tryAcquire() {
        return true;
    }

    @Override
    public boolean holds() {
        return true;
    }

    @Override
    public void release() {
        // nobody else could take it
    }
}
