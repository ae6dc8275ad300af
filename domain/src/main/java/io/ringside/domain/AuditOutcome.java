package io.ringside.domain;

/** How an audited action ended. */
public enum AuditOutcome {
    SUCCEEDED,
    FAILED,
    REFUSED
}
