package io.ringside.application.port.in;

/** An admin looks at the Ringside instances sharing the database, and which of them handles RingCentral. */
public interface ViewCluster {

    ClusterView cluster();
}
