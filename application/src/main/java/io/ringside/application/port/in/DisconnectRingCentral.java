package io.ringside.application.port.in;

import io.ringside.domain.Actor;

/** An admin disconnects RingCentral: Ringside revokes its tokens (best effort) and forgets them. */
public interface DisconnectRingCentral {

    void disconnect(Actor admin);
}
