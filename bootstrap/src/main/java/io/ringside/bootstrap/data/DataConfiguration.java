package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import io.ringside.adapters.persistence.EncryptionKeys;
import io.ringside.bootstrap.mode.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.security.SecureRandom;

/**
 * The {@link EncryptionKeys} the persistence adapter needs. Outside demo mode they are
 * {@code RINGSIDE_ENCRYPTION_KEY} (required) and, while the key is being changed,
 * {@code RINGSIDE_ENCRYPTION_KEY_PREVIOUS}; in demo mode it is the key generated into
 * {@code <data dir>/demo/encryption.key}, and both variables are ignored.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DataProperties.class)
public class DataConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(DataConfiguration.class);

    /** What to do about any unusable key: the key protects the stored tokens, so losing it costs a reconnect. */
    static final String KEEP_THE_KEY = "Keep the key safe: the stored RingCentral tokens can only be read with it. "
            + "To run the demo instead, leave RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET unset.";

    @Bean
    public EncryptionKeys encryptionKeys(DataProperties settings, Environment environment) {
        EncryptionKeys keys = encryptionKeysFor(settings, DemoMode.isOn(environment));
        LOG.info("Encryption: tokens at rest use key id {}{}", keys.current().id(), keys.previous()
                .map(previous -> "; previous key id " + previous.id() + " (RINGSIDE_ENCRYPTION_KEY_PREVIOUS): "
                        + "whatever is still stored under it is re-encrypted at this start")
                .orElse(""));
        return keys;
    }

    static EncryptionKeys encryptionKeysFor(DataProperties settings, boolean demo) {
        if (demo) {
            if (settings.hasPreviousKey()) {
                LOG.info("Demo mode: RINGSIDE_ENCRYPTION_KEY_PREVIOUS is ignored; the demo database has its own key");
            }
            EncryptionKey demoKey = DemoKeyFile.loadOrCreate(settings.dataDirectory().demoKeyFile(), new SecureRandom()).key();
            return EncryptionKeys.of(demoKey);
        }
        try {
            return settings.encryptionKeys();
        } catch (IllegalArgumentException e) {
            // The message names the variable and says what is wrong, without repeating the value.
            throw new InvalidEncryptionKeyException(e.getMessage(), KEEP_THE_KEY, e);
        }
    }
}
