package io.ringside.adapters.persistence;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

/**
 * The 256-bit AES key that encrypts RingCentral tokens and PKCE verifiers at rest. It is a secret:
 * it prints masked and {@link #bytes()} hands out a copy, so no caller can change it.
 */
public record EncryptionKey(byte[] bytes) {

    public static final int LENGTH_BYTES = 32;

    /** Where the key comes from, and how to make one: part of every message about a bad key. */
    public static final String HOW_TO_MAKE_ONE =
            "Set RINGSIDE_ENCRYPTION_KEY (property ringside.encryption-key) to 32 random bytes in base64; "
                    + "make one with: openssl rand -base64 32";

    public EncryptionKey {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("The encryption key must be " + LENGTH_BYTES + " bytes, not "
                    + (bytes == null ? "missing" : bytes.length + " bytes") + ". " + HOW_TO_MAKE_ONE);
        }
        bytes = bytes.clone();
    }

    /**
     * Parses the base64 text of a key (standard or URL-safe alphabet, surrounding blanks ignored).
     * The message of a failure never repeats the text, which may be a real key with a typo.
     */
    public static EncryptionKey parse(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("No encryption key is set. " + HOW_TO_MAKE_ONE);
        }
        String text = base64.strip();
        byte[] decoded;
        try {
            decoded = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encryption key is not valid base64. " + HOW_TO_MAKE_ONE);
        }
        if (decoded.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("The encryption key must decode to " + LENGTH_BYTES
                    + " bytes, but it decodes to " + decoded.length + ". " + HOW_TO_MAKE_ONE);
        }
        return new EncryptionKey(decoded);
    }

    public static EncryptionKey generate(SecureRandom random) {
        byte[] bytes = new byte[LENGTH_BYTES];
        random.nextBytes(bytes);
        return new EncryptionKey(bytes);
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The key as {@link #parse} reads it; for writing a generated key to its file, never to a log. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EncryptionKey key && Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "EncryptionKey[********]";
    }
}
