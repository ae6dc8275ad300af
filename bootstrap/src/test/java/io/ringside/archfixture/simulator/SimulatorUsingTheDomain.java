package io.ringside.archfixture.simulator;

import io.ringside.archfixture.domain.Money;

/** Wrong on purpose: the simulator must know nothing of Ringside. */
public class SimulatorUsingTheDomain {
    Money price() {
        return new Money(2);
    }
}
