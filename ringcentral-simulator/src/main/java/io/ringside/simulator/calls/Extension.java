package io.ringside.simulator.calls;

/**
 * A user extension of the simulated company.
 *
 * @param id              RingCentral's internal id (what {@code ~} stands for in paths)
 * @param extensionNumber the short number colleagues dial, e.g. {@code 101}
 * @param name            the user's name
 * @param directNumber    the company number that rings this extension, E.164
 */
public record Extension(long id, String extensionNumber, String name, String directNumber) {
}
