package io.ringside.application.port.in;

import java.util.UUID;

/** Someone who may have saved intakes, as a filter offers them: their id and display name. */
public record Colleague(UUID id, String displayName) {
}
