package io.ringside.simulator.calls;

/**
 * An extension of the simulated company.
 *
 * @param id              RingCentral's internal id (what {@code ~} stands for in paths)
 * @param extensionNumber the short number colleagues dial, e.g. {@code 101}
 * @param name            the user's name (or the call queue's)
 * @param directNumber    the company number that rings this extension, E.164
 * @param type            RingCentral's extension type: {@code User}, {@code Department} (a call queue), …
 * @param status          {@code Enabled}, {@code Disabled}, {@code NotActivated}, …
 */
public record Extension(long id, String extensionNumber, String name, String directNumber, String type, String status) {

    public static final String USER = "User";
    public static final String ENABLED = "Enabled";

    /** An enabled user extension: every extension that takes the simulator's calls. */
    public Extension(long id, String extensionNumber, String name, String directNumber) {
        this(id, extensionNumber, name, directNumber, USER, ENABLED);
    }
}
