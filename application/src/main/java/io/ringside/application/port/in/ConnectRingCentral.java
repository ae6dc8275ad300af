package io.ringside.application.port.in;

import io.ringside.domain.Actor;

import java.net.URI;

/**
 * An admin connects the company's RingCentral account (OAuth authorization code flow with PKCE). Each
 * completed or declined attempt goes in the audit trail as {@code admin}.
 */
public interface ConnectRingCentral {

    /** Starts an attempt for {@code admin}; the browser goes to the returned RingCentral URL. */
    URI start(Actor admin);

    /** RingCentral sent the browser back with a code: exchange it and keep the connection. */
    ConnectOutcome complete(String state, String code, Actor admin);

    /** RingCentral sent the browser back with an error (e.g. the user pressed Deny). */
    ConnectOutcome decline(String state, String error, Actor admin);
}
