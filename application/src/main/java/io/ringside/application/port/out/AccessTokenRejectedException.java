package io.ringside.application.port.out;

/** RingCentral answered 401 to the access token (expired, OAU-128; or revoked, OAU-213 / AGW-401). */
public final class AccessTokenRejectedException extends RingCentralException {

    private final String errorCode;

    public AccessTokenRejectedException(String errorCode) {
        super("RingCentral rejected the access token" + (errorCode == null ? "" : " (" + errorCode + ")"), null);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
