package io.ringside.application.port.in;

/** An admin disconnects RingCentral: Ringside revokes its tokens (best effort) and forgets them. */
public interface DisconnectRingCentral {

    void disconnect(String admin);
}
