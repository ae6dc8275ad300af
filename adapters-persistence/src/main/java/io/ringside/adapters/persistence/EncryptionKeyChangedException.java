package io.ringside.adapters.persistence;

/**
 * A stored secret could not be decrypted: it was written with another encryption key (or altered
 * since). Thrown instead of handing out garbage tokens.
 */
public class EncryptionKeyChangedException extends IllegalStateException {

    EncryptionKeyChangedException(String what, Throwable cause) {
        super("Cannot decrypt the stored " + what + ": the encryption key changed "
                + "(RINGSIDE_ENCRYPTION_KEY is not the key it was saved with), or the stored value was altered. "
                + "Start Ringside with the key it was saved with, or disconnect and connect RingCentral again "
                + "to store new tokens under the current key.", cause);
    }
}
