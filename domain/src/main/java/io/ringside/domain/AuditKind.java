package io.ringside.domain;

/** What happened, for the audit trail. The names are stored; rename none. */
public enum AuditKind {
    LOGIN_SUCCEEDED("Login succeeded"),
    LOGIN_FAILED("Login failed"),
    LOGIN_LOCKED("Login locked"),
    LOGOUT("Logout"),
    SESSION_ENDED("Session ended"),
    USER_ADDED("User added"),
    USER_CHANGED("User changed"),
    USER_DISABLED("User disabled"),
    USER_ENABLED("User enabled"),
    PASSWORD_RESET("Password reset"),
    PASSWORD_CHANGED("Password changed"),
    RINGCENTRAL_CONNECTED("RingCentral connected"),
    RINGCENTRAL_DISCONNECTED("RingCentral disconnected"),
    RINGCENTRAL_RECONNECT_NEEDED("RingCentral reconnect needed"),
    RINGCENTRAL_REFRESH_FAILED("RingCentral refresh failed"),
    INTAKE_SAVED("Intake saved"),
    INTAKE_CORRECTED("Intake corrected"),
    AUDIT_PURGED("Audit entries purged");

    private final String label;

    AuditKind(String label) {
        this.label = label;
    }

    /** How the audit page names it. */
    public String label() {
        return label;
    }
}
