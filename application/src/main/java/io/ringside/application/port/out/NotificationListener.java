package io.ringside.application.port.out;

import io.ringside.domain.CallEvent;

/** What a push session tells the application. Called from the session's thread, one call at a time. */
public interface NotificationListener {

    /** One party of one call changed (a telephony-session notification, split per party). */
    void onCallEvent(CallEvent event);

    /**
     * A subscription was made afresh: at the start, after a failed session recovery, or after an
     * outage longer than RingCentral's recovery timeout. Events may have been missed before it:
     * the application reconciles from the call log (and presence).
     *
     * @param limitation why the scope is narrower than the company, for the admin (null when COMPANY)
     */
    void onSubscribed(NotificationScope scope, String limitation);

    /** The connection came back within the recovery timeout and RingCentral replayed what was missed. */
    void onRecovered();

    /** The connection dropped or could not be made; the session tries again by itself (with backoff). */
    void onDown(String reason);

    /**
     * The session gave up and sends nothing more: the connection is unusable (an admin must connect
     * again), or RingCentral refuses push to this app (a permission is missing). The reason says
     * which, for the admin.
     */
    void onStopped(String reason);
}
