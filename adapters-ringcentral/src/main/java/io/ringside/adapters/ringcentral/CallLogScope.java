package io.ringside.adapters.ringcentral;

/** Whose call log Ringside reads: the whole company's (needs an admin user) or the connected user's. */
public enum CallLogScope {
    /** {@code /restapi/v1.0/account/~/call-log}: every extension's calls; the connected user must be an admin. */
    ACCOUNT("/restapi/v1.0/account/~/call-log"),
    /** {@code /restapi/v1.0/account/~/extension/~/call-log}: the connected user's calls only. */
    EXTENSION("/restapi/v1.0/account/~/extension/~/call-log");

    private final String path;

    CallLogScope(String path) {
        this.path = path;
    }

    String path() {
        return path;
    }
}
