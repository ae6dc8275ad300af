package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import io.ringside.bootstrap.mode.DemoMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.security.SecureRandom;

/**
 * The {@link EncryptionKey} the persistence adapter needs. Outside demo mode it is
 * {@code RINGSIDE_ENCRYPTION_KEY} (property {@code ringside.encryption-key}), required; in demo
 * mode it is the key generated into {@code <data dir>/demo/encryption.key}.
 */
@Configuration(proxyBeanMethods = false)
public class DataConfiguration {

    public static final String ENCRYPTION_KEY_PROPERTY = "ringside.encryption-key";

    @Bean
    public EncryptionKey encryptionKey(Environment environment) {
        return encryptionKeyFor(environment);
    }

    static EncryptionKey encryptionKeyFor(Environment environment) {
        if (DemoMode.isOn(environment)) {
            return DemoKeyFile.loadOrCreate(DataDirectory.of(environment).demoKeyFile(), new SecureRandom()).key();
        }
        try {
            return EncryptionKey.parse(environment.getProperty(ENCRYPTION_KEY_PROPERTY));
        } catch (IllegalArgumentException e) {
            // EncryptionKey's message says what is wrong and how to make one, without repeating the value.
            throw new InvalidEncryptionKeyException(e.getMessage(),
                    "Keep the key safe and unchanged: the stored RingCentral tokens can only be read with it. "
                            + "To run the demo instead, leave RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET unset.", e);
        }
    }
}
