package io.ringside.application.port.in;

import io.ringside.domain.Intake;

import java.time.Instant;

/** What saving an intake did. */
public sealed interface SaveOutcome {

    record Saved(Intake intake) implements SaveOutcome {
    }

    /**
     * Not saved: someone else saved an intake for this caller moments ago ("Maria saved an intake for
     * this caller 3 min ago — save anyway?"). Saving again with {@code evenIfSavedRecently} saves it.
     */
    record SavedRecentlyByAnother(String displayName, Instant savedAt) implements SaveOutcome {
    }
}
