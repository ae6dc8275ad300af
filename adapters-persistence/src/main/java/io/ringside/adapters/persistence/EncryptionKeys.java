package io.ringside.adapters.persistence;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys Ringside was started with: the current key, which encrypts everything written, and,
 * while stored secrets move from an old key to a new one, the previous key, which only decrypts.
 */
public final class EncryptionKeys {

    private final EncryptionKey current;
    private final EncryptionKey previous;

    private EncryptionKeys(EncryptionKey current, EncryptionKey previous) {
        this.current = Objects.requireNonNull(current, "current");
        this.previous = previous;
    }

    /** Just the one key: nothing to move from. */
    public static EncryptionKeys of(EncryptionKey current) {
        return new EncryptionKeys(current, null);
    }

    /**
     * A new key and the one it replaces.
     *
     * @throws IllegalArgumentException if they are the same key: then nothing would move, and the
     *                                  person who set them most likely pasted the old key twice
     */
    public static EncryptionKeys rotating(EncryptionKey current, EncryptionKey previous) {
        Objects.requireNonNull(previous, "previous");
        if (previous.equals(current)) {
            throw new IllegalArgumentException(EncryptionKey.PREVIOUS_SETTING + " is the same key as "
                    + EncryptionKey.CURRENT_SETTING + " (key id " + current.id() + "). To change the key, set "
                    + "RINGSIDE_ENCRYPTION_KEY to the new key and RINGSIDE_ENCRYPTION_KEY_PREVIOUS to the old one; "
                    + "otherwise leave RINGSIDE_ENCRYPTION_KEY_PREVIOUS unset.");
        }
        return new EncryptionKeys(current, previous);
    }

    public EncryptionKey current() {
        return current;
    }

    public Optional<EncryptionKey> previous() {
        return Optional.ofNullable(previous);
    }

    /** The current key, then the previous one if there is one: the order to try them on a value that names neither. */
    List<EncryptionKey> all() {
        return previous == null ? List.of(current) : List.of(current, previous);
    }

    /** The key with this id, if Ringside holds it. */
    Optional<EncryptionKey> withId(String id) {
        if (current.id().equals(id)) {
            return Optional.of(current);
        }
        return previous().filter(key -> key.id().equals(id));
    }

    /** "RINGSIDE_ENCRYPTION_KEY has key id 3f9a1c2e (RINGSIDE_ENCRYPTION_KEY_PREVIOUS is not set)", for messages. */
    String describe() {
        return "RINGSIDE_ENCRYPTION_KEY has key id " + current.id() + previous()
                .map(key -> " and RINGSIDE_ENCRYPTION_KEY_PREVIOUS key id " + key.id())
                .orElse(" (RINGSIDE_ENCRYPTION_KEY_PREVIOUS is not set)");
    }

    @Override
    public String toString() {
        return "EncryptionKeys[current " + current.id() + previous().map(key -> ", previous " + key.id()).orElse("") + "]";
    }
}
