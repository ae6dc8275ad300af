package io.ringside.application.port.out;

import io.ringside.domain.LinkIncident;

/** Tells the admins outside the console (by mail) that the link to RingCentral broke: once per incident. */
public interface AdminAlerts {

    /**
     * @throws RuntimeException when the alert could not be delivered; it is tried again later
     */
    void linkBroken(LinkIncident incident);
}
