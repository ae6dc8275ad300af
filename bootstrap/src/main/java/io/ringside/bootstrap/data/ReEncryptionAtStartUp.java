package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKeys;
import io.ringside.adapters.persistence.PreviousKeyMismatchException;
import io.ringside.adapters.persistence.StoredSecretReEncryption;
import io.ringside.adapters.persistence.StoredSecretReEncryption.Report;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

import java.util.stream.Collectors;

/**
 * Moves every stored secret to the current key once every bean exists and before Ringside serves a
 * request or its scheduler runs (both start after this), and says what it did as counts. A wrong
 * previous key stops start-up. Lazy initialisation leaves a {@link SmartInitializingSingleton} out,
 * so this runs even then.
 */
final class ReEncryptionAtStartUp implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ReEncryptionAtStartUp.class);

    static final String KEY_ID_RECIPE = "(printf 'ringside-key-id:'; printf %s \"$KEY\" | base64 -d) | sha256sum | cut -c1-8";

    private final StoredSecretReEncryption reEncryption;
    private final EncryptionKeys keys;

    ReEncryptionAtStartUp(StoredSecretReEncryption reEncryption, EncryptionKeys keys) {
        this.reEncryption = reEncryption;
        this.keys = keys;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Report report;
        try {
            report = reEncryption.reEncryptToCurrentKey();
        } catch (PreviousKeyMismatchException wrongPreviousKey) {
            throw new InvalidEncryptionKeyException(wrongPreviousKey.getMessage(),
                    "Set RINGSIDE_ENCRYPTION_KEY_PREVIOUS to the key Ringside ran with before, the one with the key id "
                            + "named above (a key's id is what " + KEY_ID_RECIPE + " prints for it). If that key is lost, "
                            + "remove RINGSIDE_ENCRYPTION_KEY_PREVIOUS, start Ringside, then disconnect and connect "
                            + "RingCentral again.", wrongPreviousKey);
        }
        describe(report);
    }

    private void describe(Report report) {
        if (report.reEncrypted() > 0) {
            LOG.info("Encryption: re-encrypted {} stored secret(s) with key id {} in one transaction "
                            + "({} from the previous key, {} stored before key ids were recorded)",
                    report.reEncrypted(), report.currentKeyId(), report.fromPreviousKey(), report.fromFormatWithoutKeyId());
        } else {
            LOG.info("Encryption: {} stored secret(s), all already under key id {}; nothing to re-encrypt",
                    report.alreadyCurrent(), report.currentKeyId());
        }
        keys.previous().ifPresent(previous -> LOG.info("Encryption: nothing stored needs the previous key id {} any more; "
                + "remove RINGSIDE_ENCRYPTION_KEY_PREVIOUS", previous.id()));
        if (!report.leftUnreadable().isEmpty()) {
            LOG.warn("Encryption: {} stored secret(s) cannot be decrypted and were left as they are: {}. "
                            + "The admin page says Reconnect needed: start Ringside with the key they need as "
                            + "RINGSIDE_ENCRYPTION_KEY_PREVIOUS, or disconnect and connect RingCentral again.",
                    report.leftUnreadable().size(), report.leftUnreadable().stream()
                            .map(unreadable -> unreadable.where() + " " + unreadable.reason())
                            .collect(Collectors.joining("; ")));
        }
    }
}
