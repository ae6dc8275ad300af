package io.ringside.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A 256-bit AES key that encrypts RingCentral tokens and PKCE verifiers at rest. It is a secret:
 * it prints masked and {@link #bytes()} hands out a copy, so no caller can change it. Its
 * {@link #id()} is not a secret: a short fingerprint that names the key in stored values, logs and
 * messages ("this token needs key id 3f9a1c2e").
 */
public record EncryptionKey(byte[] bytes) {

    public static final int LENGTH_BYTES = 32;

    /** The setting that holds the key Ringside encrypts with. */
    public static final String CURRENT_SETTING = "RINGSIDE_ENCRYPTION_KEY (property ringside.encryption-key)";

    /** The setting that holds the key Ringside ran with before, while stored secrets move to the current key. */
    public static final String PREVIOUS_SETTING =
            "RINGSIDE_ENCRYPTION_KEY_PREVIOUS (property ringside.encryption-key-previous)";

    static final String HOW_TO_MAKE_ONE = "It must be 32 random bytes in base64; make one with: openssl rand -base64 32";

    /** Hashed in front of the key for its id, so the id is a fingerprint of nothing else Ringside computes. */
    private static final byte[] ID_LABEL = "ringside-key-id:".getBytes(StandardCharsets.US_ASCII);
    private static final int ID_BYTES = 4;

    public EncryptionKey {
        if (bytes == null || bytes.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("The encryption key must be " + LENGTH_BYTES + " bytes, not "
                    + (bytes == null ? "missing" : bytes.length + " bytes") + ". " + HOW_TO_MAKE_ONE);
        }
        bytes = bytes.clone();
    }

    /** Parses the key of {@link #CURRENT_SETTING}; see {@link #parse(String, String)}. */
    public static EncryptionKey parse(String base64) {
        return parse(base64, CURRENT_SETTING);
    }

    /**
     * Parses the base64 text of a key (standard or URL-safe alphabet, surrounding blanks ignored).
     * The message of a failure names {@code setting} and never repeats the text, which may be a
     * real key with a typo.
     */
    public static EncryptionKey parse(String base64, String setting) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("No encryption key is set: set " + setting + ". " + HOW_TO_MAKE_ONE);
        }
        String text = base64.strip();
        byte[] decoded;
        try {
            decoded = text.indexOf('-') >= 0 || text.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The encryption key in " + setting + " is not valid base64. " + HOW_TO_MAKE_ONE);
        }
        if (decoded.length != LENGTH_BYTES) {
            throw new IllegalArgumentException("The encryption key in " + setting + " must decode to " + LENGTH_BYTES
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

    /**
     * The key's id: the first 8 hex digits of SHA-256("ringside-key-id:" followed by the key's 32
     * bytes). A one-way fingerprint, safe to log and to store beside what the key encrypted; the
     * same on every start. Anyone holding a key can work it out with
     * {@code (printf 'ringside-key-id:'; printf %s "$KEY" | base64 -d) | sha256sum | cut -c1-8}.
     */
    public String id() {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            byte[] digest = sha256.digest(bytes);
            return HexFormat.of().formatHex(digest, 0, ID_BYTES);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every Java platform has SHA-256", impossible);
        }
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
        return "EncryptionKey[id " + id() + ", ********]";
    }
}
