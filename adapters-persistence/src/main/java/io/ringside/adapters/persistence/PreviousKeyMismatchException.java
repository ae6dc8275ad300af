package io.ringside.adapters.persistence;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A previous key was given to re-encrypt stored secrets from, but some stored secret needs a key
 * that is neither the current nor the previous one: the previous key is the wrong one. Nothing was
 * re-encrypted.
 */
public final class PreviousKeyMismatchException extends IllegalStateException {

    PreviousKeyMismatchException(EncryptionKeys keys, List<StoredSecretReEncryption.Unreadable> needingAnotherKey) {
        super("RINGSIDE_ENCRYPTION_KEY_PREVIOUS (key id " + keys.previous().orElseThrow().id()
                + ") is not the key the stored secrets were saved with: "
                + needingAnotherKey.stream().map(u -> u.where() + " " + u.reason()).distinct()
                        .collect(Collectors.joining("; "))
                + ". RINGSIDE_ENCRYPTION_KEY has key id " + keys.current().id() + ". Nothing was re-encrypted.");
    }
}
