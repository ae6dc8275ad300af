package io.ringside.adapters.persistence;

import org.springframework.security.crypto.encrypt.AesBytesEncryptor;
import org.springframework.security.crypto.encrypt.AesBytesEncryptor.CipherAlgorithm;
import org.springframework.security.crypto.encrypt.BytesEncryptor;
import org.springframework.security.crypto.keygen.KeyGenerators;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Encrypts secrets for a text column: AES-256-GCM with a random 12-byte IV per value, stored as
 * {@code v1:base64(iv || ciphertext || tag)}. GCM authenticates: a value read with another key
 * fails its tag check, which becomes {@link EncryptionKeyChangedException} rather than garbage.
 */
final class SecretCipher {

    private static final String FORMAT = "v1:";
    private static final int IV_BYTES = 12;

    private final BytesEncryptor encryptor;

    SecretCipher(EncryptionKey key) {
        this.encryptor = new AesBytesEncryptor(new SecretKeySpec(key.bytes(), "AES"),
                KeyGenerators.secureRandom(IV_BYTES), CipherAlgorithm.GCM);
    }

    String encrypt(String secret) {
        byte[] sealed = encryptor.encrypt(secret.getBytes(StandardCharsets.UTF_8));
        return FORMAT + Base64.getEncoder().encodeToString(sealed);
    }

    /** @param what names the secret in the error, e.g. "RingCentral access token" (never its value) */
    String decrypt(String stored, String what) {
        if (stored == null || !stored.startsWith(FORMAT)) {
            throw new IllegalStateException("The stored " + what + " is not in Ringside's encrypted format");
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(FORMAT.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The stored " + what + " is not in Ringside's encrypted format", e);
        }
        try {
            return new String(encryptor.decrypt(sealed), StandardCharsets.UTF_8);
        } catch (IllegalStateException e) {
            // Spring wraps the cipher's AEADBadTagException: the GCM tag did not match under this key.
            throw new EncryptionKeyChangedException(what, e);
        }
    }
}
