package io.ringside.adapters.persistence;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Encrypts secrets for a text column with AES-256-GCM and a random 12-byte IV per value, stored as
 * {@code v2:<key id>:base64(iv || ciphertext || tag)}.
 *
 * <ul>
 * <li>The key id says which key a value needs, so Ringside can tell "the key changed, this needs
 *     key 9a8b7c6d" from "this value was tampered with", and can decrypt with the previous key
 *     while values move to a new one.</li>
 * <li>The associated data is where the value lives: format, table, column and row id. GCM
 *     authenticates it, so a value copied into another column, another row or another table
 *     fails its tag check, just like a value changed byte by byte.</li>
 * <li>Values written before issue 13 ({@code v1:base64(iv || ciphertext || tag)}, no key id, no
 *     associated data: what Spring Security's {@code AesBytesEncryptor} in GCM mode wrote) are
 *     still read, with the current key or else the previous one, until re-encryption rewrites them.</li>
 * </ul>
 */
final class SecretCipher {

    static final String FORMAT = "v2";
    private static final String LEGACY_FORMAT = "v1:";
    private static final Pattern KEY_ID = Pattern.compile("[0-9a-f]{8}");
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom IVS = new SecureRandom();

    private final EncryptionKeys keys;

    SecretCipher(EncryptionKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Encrypts {@code secret} with the current key, bound to the row {@code rowId} of {@code column}. */
    String encrypt(String secret, SecretColumn column, Object rowId) {
        byte[] iv = new byte[IV_BYTES];
        IVS.nextBytes(iv);
        EncryptionKey key = keys.current();
        try {
            Cipher cipher = gcm(Cipher.ENCRYPT_MODE, key, iv);
            cipher.updateAAD(associatedData(column, rowId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] stored = new byte[IV_BYTES + sealed.length];
            System.arraycopy(iv, 0, stored, 0, IV_BYTES);
            System.arraycopy(sealed, 0, stored, IV_BYTES, sealed.length);
            return prefix(key) + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    /**
     * Decrypts a value read from the row {@code rowId} of {@code column}.
     *
     * @throws EncryptionKeyChangedException if it needs a key Ringside does not hold now
     * @throws AlteredSecretException        if it does not belong there, was changed, or is no value of Ringside's
     */
    String decrypt(String stored, SecretColumn column, Object rowId) {
        if (stored != null && stored.startsWith(LEGACY_FORMAT)) {
            return decryptLegacy(stored, column);
        }
        String[] parts = stored == null ? new String[0] : stored.split(":", 3);
        if (parts.length != 3 || !FORMAT.equals(parts[0]) || !KEY_ID.matcher(parts[1]).matches()) {
            throw new AlteredSecretException(column, "it is not in Ringside's encrypted format.", null);
        }
        String keyId = parts[1];
        EncryptionKey key = keys.withId(keyId).orElseThrow(() -> EncryptionKeyChangedException.needs(keyId, column, keys));
        byte[] sealed = decodeOrThrow(parts[2], column);
        try {
            return open(key, sealed, associatedData(column, rowId));
        } catch (AEADBadTagException e) {
            throw new AlteredSecretException(column, "it does not belong in this column and row "
                    + "(it was copied from another one), or it was changed. It names key id " + keyId
                    + ", a key Ringside holds, so the key is not the cause.", e);
        }
    }

    /** Whether {@code stored} is already what {@link #encrypt} writes now: the current format and key. */
    boolean isCurrent(String stored) {
        return stored.startsWith(prefix(keys.current()));
    }

    private String decryptLegacy(String stored, SecretColumn column) {
        byte[] sealed = decodeOrThrow(stored.substring(LEGACY_FORMAT.length()), column);
        for (EncryptionKey key : keys.all()) {
            try {
                return open(key, sealed, new byte[0]);
            } catch (AEADBadTagException wrongKey) {
                // a legacy value does not say which key it needs: try the next one
            }
        }
        throw EncryptionKeyChangedException.noKeyFits(column, keys);
    }

    private static byte[] decodeOrThrow(String base64, SecretColumn column) {
        try {
            byte[] sealed = Base64.getDecoder().decode(base64);
            if (sealed.length < IV_BYTES + TAG_BITS / 8) {
                throw new AlteredSecretException(column, "it is too short to be an encrypted value.", null);
            }
            return sealed;
        } catch (IllegalArgumentException e) {
            throw new AlteredSecretException(column, "it is not in Ringside's encrypted format.", e);
        }
    }

    private static String open(EncryptionKey key, byte[] sealed, byte[] associatedData) throws AEADBadTagException {
        try {
            Cipher cipher = gcm(Cipher.DECRYPT_MODE, key, Arrays.copyOf(sealed, IV_BYTES));
            cipher.updateAAD(associatedData);
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw e;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java platform", e);
        }
    }

    private static Cipher gcm(int mode, EncryptionKey key, byte[] iv) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key.bytes(), "AES"), new GCMParameterSpec(TAG_BITS, iv));
        return cipher;
    }

    /** "ringside/v2/ringcentral_connection.access_token_encrypted/1": the place a value is bound to. */
    private static byte[] associatedData(SecretColumn column, Object rowId) {
        return ("ringside/" + FORMAT + "/" + column.where() + "/" + Objects.requireNonNull(rowId, "rowId"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String prefix(EncryptionKey key) {
        return FORMAT + ":" + key.id() + ":";
    }
}
