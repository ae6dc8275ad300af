package io.ringside.application.port.in;

import java.net.URI;

/** An admin connects the company's RingCentral account (OAuth authorization code flow with PKCE). */
public interface ConnectRingCentral {

    /** Starts an attempt for {@code admin}; the browser goes to the returned RingCentral URL. */
    URI start(String admin);

    /** RingCentral sent the browser back with a code: exchange it and keep the connection. */
    ConnectOutcome complete(String state, String code, String admin);

    /** RingCentral sent the browser back with an error (e.g. the user pressed Deny). */
    ConnectOutcome decline(String state, String error, String admin);
}
