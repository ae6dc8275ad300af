package io.ringside.simulator.settings;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/** The current settings, read afresh by every part on every request so a change applies at once. */
public final class LiveSettings {

    private final AtomicReference<SimulatorSettings> current;

    public LiveSettings(SimulatorSettings initial) {
        this.current = new AtomicReference<>(Objects.requireNonNull(initial));
    }

    public SimulatorSettings current() {
        return current.get();
    }

    public SimulatorSettings update(UnaryOperator<SimulatorSettings> change) {
        return current.updateAndGet(change);
    }
}
