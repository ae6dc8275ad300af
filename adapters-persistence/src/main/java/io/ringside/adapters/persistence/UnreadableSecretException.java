package io.ringside.adapters.persistence;

/**
 * A stored secret could not be decrypted. Thrown instead of handing out garbage tokens; the
 * message names the secret and the key ids involved, never a value, so it may reach the admin page.
 */
public abstract sealed class UnreadableSecretException extends IllegalStateException
        permits EncryptionKeyChangedException, AlteredSecretException {

    UnreadableSecretException(String message, Throwable cause) {
        super(message, cause);
    }
}
