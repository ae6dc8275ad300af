package io.ringside.adapters.persistence;

import java.util.Optional;

/**
 * A stored secret was saved with a key Ringside does not hold now: the encryption key changed and
 * the old one is not {@code RINGSIDE_ENCRYPTION_KEY_PREVIOUS}.
 */
public final class EncryptionKeyChangedException extends UnreadableSecretException {

    private final String neededKeyId;

    private EncryptionKeyChangedException(String message, String neededKeyId) {
        super(message, null);
        this.neededKeyId = neededKeyId;
    }

    /** A value that names its key: says which key it needs. */
    static EncryptionKeyChangedException needs(String neededKeyId, SecretColumn secret, EncryptionKeys held) {
        return new EncryptionKeyChangedException("Cannot decrypt the stored " + secret.description()
                + ": the encryption key changed. It was saved with key id " + neededKeyId + ", but " + held.describe()
                + ". Start Ringside with the key whose id is " + neededKeyId
                + " as RINGSIDE_ENCRYPTION_KEY_PREVIOUS, so it is re-encrypted under the new key, "
                + "or disconnect and connect RingCentral again to store new tokens under the current key.", neededKeyId);
    }

    /** A value from before key ids were stored: which key it needs cannot be told, only that none held fits. */
    static EncryptionKeyChangedException noKeyFits(SecretColumn secret, EncryptionKeys held) {
        return new EncryptionKeyChangedException("Cannot decrypt the stored " + secret.description()
                + ": the encryption key changed. It was saved before Ringside recorded key ids, and no key it holds "
                + "decrypts it (" + held.describe() + "). Start Ringside with the key it was saved with as "
                + "RINGSIDE_ENCRYPTION_KEY_PREVIOUS, so it is re-encrypted under the new key, "
                + "or disconnect and connect RingCentral again to store new tokens under the current key.", null);
    }

    /** The id of the key the value was saved with; empty for a value from before key ids were stored. */
    public Optional<String> neededKeyId() {
        return Optional.ofNullable(neededKeyId);
    }
}
