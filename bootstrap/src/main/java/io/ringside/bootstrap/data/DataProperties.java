package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import io.ringside.adapters.persistence.EncryptionKeys;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.nio.file.Path;

/**
 * Where Ringside keeps its data and the keys that encrypt the secrets in it. The keys are read as
 * text and parsed only when Ringside runs with real credentials (demo mode has its own key), so a
 * bad value is reported by its variable's name, never repeated; this record prints them masked.
 *
 * @param dataDir               {@code RINGSIDE_DATA_DIR}: where the embedded H2 database (and demo mode's
 *                              data) lives; {@code ./data} by default
 * @param encryptionKey         {@code RINGSIDE_ENCRYPTION_KEY}: base64 of the 32-byte key that encrypts
 *                              tokens at rest; required outside demo mode
 * @param encryptionKeyPrevious {@code RINGSIDE_ENCRYPTION_KEY_PREVIOUS}: while changing the key, the key
 *                              Ringside ran with before; stored secrets under it are re-encrypted at start-up
 */
@ConfigurationProperties("ringside")
public record DataProperties(@DefaultValue(DataProperties.DEFAULT_DATA_DIR) Path dataDir, String encryptionKey,
                             String encryptionKeyPrevious) {

    static final String DEFAULT_DATA_DIR = "./data";

    public DataProperties {
        if (dataDir == null || dataDir.toString().isBlank()) {
            dataDir = Path.of(DEFAULT_DATA_DIR);
        }
    }

    /** The settings as they stand in {@code environment}, before any bean exists (for the environment post-processor). */
    public static DataProperties bind(Environment environment) {
        return Binder.get(environment).bindOrCreate("ringside", DataProperties.class);
    }

    public DataDirectory dataDirectory() {
        return new DataDirectory(dataDir);
    }

    /**
     * The keys outside demo mode: {@code RINGSIDE_ENCRYPTION_KEY}, and {@code RINGSIDE_ENCRYPTION_KEY_PREVIOUS}
     * if it is set.
     *
     * @throws IllegalArgumentException naming the variable, if a key is missing, malformed, or both are the same key
     */
    public EncryptionKeys encryptionKeys() {
        EncryptionKey current = EncryptionKey.parse(encryptionKey, EncryptionKey.CURRENT_SETTING);
        if (encryptionKeyPrevious == null || encryptionKeyPrevious.isBlank()) {
            return EncryptionKeys.of(current);
        }
        return EncryptionKeys.rotating(current, EncryptionKey.parse(encryptionKeyPrevious, EncryptionKey.PREVIOUS_SETTING));
    }

    public boolean hasPreviousKey() {
        return encryptionKeyPrevious != null && !encryptionKeyPrevious.isBlank();
    }

    @Override
    public String toString() {
        return "DataProperties[dataDir=" + dataDir + ", encryptionKey=" + masked(encryptionKey)
                + ", encryptionKeyPrevious=" + masked(encryptionKeyPrevious) + "]";
    }

    private static String masked(String key) {
        return key == null || key.isBlank() ? "(not set)" : "********";
    }
}
