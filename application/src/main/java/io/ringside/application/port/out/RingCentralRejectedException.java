package io.ringside.application.port.out;

import java.util.Objects;

/** RingCentral understood the request and refused it; sending it again will not help. */
public final class RingCentralRejectedException extends RingCentralException {

    public enum Reason {
        /** The client id or secret is wrong (OAU-146, invalid_client). */
        BAD_CLIENT_CREDENTIALS,
        /** The authorization code is unknown or already used (OAU-106). */
        CODE_REJECTED,
        /** The authorization code expired (OAU-108, about 60 s). */
        CODE_EXPIRED,
        /** The redirect URI differs from the app's registered one (OAU-109). */
        REDIRECT_MISMATCH,
        /** The refresh token is dead (invalid_grant): an admin must connect again. */
        INVALID_GRANT,
        /** The app or user lacks a permission (CMN-401 / 403). */
        MISSING_PERMISSION,
        /** Anything else RingCentral refused with a 4xx. */
        REQUEST_REFUSED
    }

    private final Reason reason;
    private final String errorCode;

    public RingCentralRejectedException(Reason reason, String errorCode, String message) {
        super(message, null);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.errorCode = errorCode;
    }

    public Reason reason() {
        return reason;
    }

    /** RingCentral's own code (e.g. {@code OAU-106}), or null. */
    public String errorCode() {
        return errorCode;
    }
}
