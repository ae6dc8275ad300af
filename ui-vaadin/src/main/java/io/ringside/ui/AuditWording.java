package io.ringside.ui;

import io.ringside.domain.Actor;
import io.ringside.domain.AuditOutcome;

/** How the audit page and its CSV export name who did something and how it ended, in the same words. */
public final class AuditWording {

    private AuditWording() {
    }

    /** "Maria Lopez (maria)", or just "maria" when the display name adds nothing (a mistyped username, Ringside). */
    public static String who(Actor actor) {
        return actor.displayName().equals(actor.username()) ? actor.username() : actor.displayName() + " (" + actor.username() + ")";
    }

    public static String outcome(AuditOutcome outcome) {
        return switch (outcome) {
            case SUCCEEDED -> "Succeeded";
            case FAILED -> "Failed";
            case REFUSED -> "Refused";
        };
    }
}
