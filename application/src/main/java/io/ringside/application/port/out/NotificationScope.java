package io.ringside.application.port.out;

/** Whose calls a push subscription delivers. */
public enum NotificationScope {
    /** Every extension of the company ({@code /account/~/telephony/sessions}, needs CallControl). */
    COMPANY,
    /** Only the connected user's extension: the app lacks the permission for the company's calls. */
    CONNECTED_EXTENSION
}
