package io.ringside.archfixture.application.port.in;

import io.ringside.archfixture.application.port.out.IntakeTable;

/** Wrong on purpose: a use case whose interface hands out an outbound port. */
public interface SaveIntakeLeakingTheStore {
    IntakeTable table();
}
