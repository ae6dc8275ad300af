package io.ringside.simulator.calls;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The simulated RingCentral account: its id and main number, and its extensions. The first
 * extension is the user who connects (consents) — the owner of every token the simulator issues,
 * and the extension the company's main line rings.
 *
 * @param extensions      the enabled users: the extensions calls ring at
 * @param otherExtensions listed in the account's extension list but never rung (a call queue, a disabled user)
 */
public record Directory(long accountId, String mainNumber, List<Extension> extensions, List<Extension> otherExtensions) {

    public Directory {
        extensions = List.copyOf(extensions);
        otherExtensions = List.copyOf(otherExtensions);
        if (extensions.isEmpty()) {
            throw new IllegalArgumentException("an account has at least one extension");
        }
    }

    public Directory(long accountId, String mainNumber, List<Extension> extensions) {
        this(accountId, mainNumber, extensions, List.of());
    }

    public static Directory demo(String connectedUserName) {
        return new Directory(37439510L, "+16505550100", List.of(
                new Extension(62264425001L, "101", connectedUserName, "+16505550100"),
                new Extension(62264425002L, "102", "Sam Rivera", "+16505550102"),
                new Extension(62264425003L, "103", "Jordan Lee", "+16505550103"),
                new Extension(62264425004L, "104", "Maria Lopez", "+16505550104"),
                new Extension(62264425005L, "105", "Alex Kim", "+16505550105")),
                List.of(
                        new Extension(62264425006L, "106", "Chris Walker", "+16505550106", Extension.USER, "Disabled"),
                        new Extension(62264425200L, "200", "Support Queue", "+16505550200", "Department", Extension.ENABLED)));
    }

    public Extension connectedUser() {
        return extensions.getFirst();
    }

    /** Every extension of the account, as its extension list shows them: in id order. */
    public List<Extension> listed() {
        return Stream.concat(extensions.stream(), otherExtensions.stream())
                .sorted(Comparator.comparingLong(Extension::id)).toList();
    }

    public Optional<Extension> byNumber(String extensionNumber) {
        return extensions.stream().filter(e -> e.extensionNumber().equals(extensionNumber)).findFirst();
    }

    public Optional<Extension> byId(String id) {
        return extensions.stream().filter(e -> Long.toString(e.id()).equals(id)).findFirst();
    }
}
