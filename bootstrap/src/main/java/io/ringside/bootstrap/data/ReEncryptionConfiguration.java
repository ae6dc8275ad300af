package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKeys;
import io.ringside.adapters.persistence.StoredSecretReEncryption;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Re-encrypts stored secrets under the current key at every start (a no-op when nothing needs
 * it). Apart from {@link DataConfiguration} because it needs the persistence adapter, which the
 * key's own tests do without.
 */
@Configuration(proxyBeanMethods = false)
public class ReEncryptionConfiguration {

    @Bean
    ReEncryptionAtStartUp reEncryptionAtStartUp(StoredSecretReEncryption reEncryption, EncryptionKeys keys) {
        return new ReEncryptionAtStartUp(reEncryption, keys);
    }
}
