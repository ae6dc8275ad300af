package io.ringside.adapters.persistence;

/**
 * A stored secret fails authentication under the very key it names, or is not in Ringside's
 * format at all: it was copied from another column or row, or changed. The key is not the cause.
 */
public final class AlteredSecretException extends UnreadableSecretException {

    AlteredSecretException(SecretColumn secret, String detail, Throwable cause) {
        super("Cannot decrypt the stored " + secret.description() + " (" + secret.where() + "): " + detail
                + " Disconnect and connect RingCentral again to store new tokens.", cause);
    }
}
