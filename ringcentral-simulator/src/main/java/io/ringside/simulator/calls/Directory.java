package io.ringside.simulator.calls;

import java.util.List;
import java.util.Optional;

/**
 * The simulated RingCentral account: its id and main number, and its extensions. The first
 * extension is the user who connects (consents) — the owner of every token the simulator issues,
 * and the extension the company's main line rings.
 */
public record Directory(long accountId, String mainNumber, List<Extension> extensions) {

    public Directory {
        extensions = List.copyOf(extensions);
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one extension");
        }
    }

    public static Directory demo(String connectedUserName) {
        return new Directory(37439510L, "+16505550100", List.of(
                new Extension(62264425001L, "101", connectedUserName, "+16505550100"),
                new Extension(62264425002L, "102", "Sam Rivera", "+16505550102"),
                new Extension(62264425003L, "103", "Jordan Lee", "+16505550103")));
    }

    public Extension connectedUser() {
        return extensions.getFirst();
    }

    public Optional<Extension> byNumber(String extensionNumber) {
        return extensions.stream().filter(e -> e.extensionNumber().equals(extensionNumber)).findFirst();
    }

    public Optional<Extension> byId(String id) {
        return extensions.stream().filter(e -> Long.toString(e.id()).equals(id)).findFirst();
    }
}
