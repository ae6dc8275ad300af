package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import io.ringside.adapters.persistence.EncryptionKeys;
import io.ringside.bootstrap.mode.DemoMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DataConfigurationTest {

    static final String KEY = "q6Sm2p7cP0ptvtqB1m0OL/5sDXXQq6GZ0MVp0vl0qSI=";
    static final String OLD_KEY = "q83vEjRWeJASNFZ4kBI0VniQEjRWeJASNFZ4kBI0Vng=";

    @TempDir
    Path dir;

    private ApplicationContextRunner withRealCredentials() {
        return new ApplicationContextRunner()
                .withUserConfiguration(DataConfiguration.class)
                .withPropertyValues(DemoMode.CLIENT_ID + "=id", DemoMode.CLIENT_SECRET + "=secret",
                        "ringside.data-dir=" + dir);
    }

    @Test
    void withRealCredentialsTheKeyComesFromRingsideEncryptionKey() {
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + KEY)
                .run(context -> assertThat(context.getBean(EncryptionKeys.class).current()).isEqualTo(EncryptionKey.parse(KEY)));
    }

    @Test
    void withRealCredentialsAMissingKeyStopsStartUpSayingHowToMakeOne() {
        withRealCredentials().run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("openssl rand -base64 32");
            FailureAnalysis analysis = new InvalidEncryptionKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("No encryption key is set").contains("RINGSIDE_ENCRYPTION_KEY");
            assertThat(analysis.getAction()).contains("Keep the key safe");
        });
        assertThat(dir.resolve("demo")).doesNotExist();
    }

    @Test
    void withRealCredentialsAMalformedKeyStopsStartUpWithoutPrintingIt() {
        String typo = KEY.substring(0, 40);
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + typo).run(context -> {
            assertThat(context).hasFailed();
            FailureAnalysis analysis = new InvalidEncryptionKeyFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("openssl rand -base64 32").doesNotContain(typo);
        });
    }

    @Test
    void withRealCredentialsThePreviousKeyComesFromRingsideEncryptionKeyPrevious() {
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + KEY, "ringside.encryption-key-previous=" + OLD_KEY)
                .run(context -> {
                    EncryptionKeys keys = context.getBean(EncryptionKeys.class);
                    assertThat(keys.current()).isEqualTo(EncryptionKey.parse(KEY));
                    assertThat(keys.previous()).contains(EncryptionKey.parse(OLD_KEY));
                });
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + KEY, "ringside.encryption-key-previous= ")
                .run(context -> assertThat(context.getBean(EncryptionKeys.class).previous()).isEmpty());
    }

    @Test
    void aMalformedPreviousKeyStopsStartUpNamingItsVariableWithoutPrintingIt() {
        String typo = OLD_KEY.substring(0, 40);
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + KEY, "ringside.encryption-key-previous=" + typo)
                .run(context -> {
                    assertThat(context).hasFailed();
                    FailureAnalysis analysis = new InvalidEncryptionKeyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription()).contains("RINGSIDE_ENCRYPTION_KEY_PREVIOUS")
                            .contains("openssl rand -base64 32").doesNotContain(typo);
                });
    }

    @Test
    void theSameKeyAsCurrentAndPreviousStopsStartUpSayingWhichGoesWhere() {
        withRealCredentials().withPropertyValues("ringside.encryption-key=" + KEY, "ringside.encryption-key-previous=" + KEY)
                .run(context -> {
                    FailureAnalysis analysis = new InvalidEncryptionKeyFailureAnalyzer().analyze(context.getStartupFailure());
                    assertThat(analysis.getDescription())
                            .contains("is the same key as RINGSIDE_ENCRYPTION_KEY")
                            .contains("set RINGSIDE_ENCRYPTION_KEY to the new key and RINGSIDE_ENCRYPTION_KEY_PREVIOUS to the old one")
                            .doesNotContain(KEY);
                });
    }

    @Test
    void inDemoModeAPreviousKeyIsIgnoredLikeTheKeyItself() {
        new ApplicationContextRunner().withUserConfiguration(DataConfiguration.class)
                .withPropertyValues("ringside.data-dir=" + dir, "ringside.encryption-key-previous=not a key")
                .run(context -> assertThat(context.getBean(EncryptionKeys.class).previous()).isEmpty());
    }

    @Test
    void inDemoModeTheGeneratedKeyIsUsedAndTheSameOneAfterARestart() {
        AtomicReference<EncryptionKey> firstStart = new AtomicReference<>();
        ApplicationContextRunner demo = new ApplicationContextRunner()
                .withUserConfiguration(DataConfiguration.class)
                .withPropertyValues("ringside.data-dir=" + dir);

        demo.run(context -> firstStart.set(context.getBean(EncryptionKeys.class).current()));
        demo.run(context -> assertThat(context.getBean(EncryptionKeys.class).current()).isEqualTo(firstStart.get()));

        assertThat(DemoKeyFile.loadOrCreate(dir.resolve("demo/encryption.key"), new SecureRandom()).key())
                .isEqualTo(firstStart.get());
    }

    @Test
    void inDemoModeAKeyInTheEnvironmentIsIgnoredSoDemoTokensNeverMeetTheRealKey() throws Exception {
        new ApplicationContextRunner().withUserConfiguration(DataConfiguration.class)
                .withPropertyValues("ringside.data-dir=" + dir, "ringside.encryption-key=" + KEY)
                .run(context -> assertThat(context.getBean(EncryptionKeys.class).current())
                        .isNotEqualTo(EncryptionKey.parse(KEY))
                        .isEqualTo(EncryptionKey.parse(Files.readString(dir.resolve("demo/encryption.key")))));
    }
}
