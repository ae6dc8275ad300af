package io.ringside.bootstrap.data;

import org.junit.jupiter.api.Test;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DataPropertiesTest {

    static final String KEY = "q6Sm2p7cP0ptvtqB1m0OL/5sDXXQq6GZ0MVp0vl0qSI=";
    static final String OLD_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";

    @Test
    void theEnvironmentVariablesTheReadmeNamesAreTheOnesRead() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of(
                        "RINGSIDE_DATA_DIR", "/srv/ringside",
                        "RINGSIDE_ENCRYPTION_KEY", KEY,
                        "RINGSIDE_ENCRYPTION_KEY_PREVIOUS", OLD_KEY)));

        DataProperties settings = DataProperties.bind(environment);

        assertThat(settings.dataDir()).isEqualTo(Path.of("/srv/ringside"));
        assertThat(settings.encryptionKey()).isEqualTo(KEY);
        assertThat(settings.encryptionKeyPrevious()).isEqualTo(OLD_KEY);
    }

    @Test
    void withoutSettingsTheDataDirectoryIsDotSlashDataAndNoKeyIsSet() {
        DataProperties settings = DataProperties.bind(new MockEnvironment());

        assertThat(settings.dataDirectory().root()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.encryptionKey()).isNull();
        assertThat(settings.hasPreviousKey()).isFalse();
        assertThat(DataProperties.bind(new MockEnvironment().withProperty("ringside.data-dir", "")).dataDirectory().root())
                .isEqualTo(Path.of("data").toAbsolutePath());
    }

    @Test
    void theKeysNeverPrint() {
        DataProperties settings = new DataProperties(Path.of("data"), KEY, OLD_KEY);

        assertThat(settings.toString()).contains("data").contains("********")
                .doesNotContain(KEY).doesNotContain(OLD_KEY).doesNotContain(KEY.substring(0, 8));
    }
}
