package io.ringside.bootstrap.data;

import io.ringside.adapters.persistence.EncryptionKey;
import io.ringside.adapters.persistence.EncryptionKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Start-up as a person running Ringside sees it: a real SpringApplication, so the post-processor
 * and the failure analyzer are found through META-INF/spring.factories, not called by hand.
 * Only the data package's configuration is loaded, not the whole application.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartUpTest {

    @TempDir
    Path dir;

    private SpringApplication application() {
        SpringApplication application = new SpringApplication(DataConfiguration.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        return application;
    }

    @Test
    void aDemoStartWritesTheOwnerOnlyKeyBeforeAnyBeanAndPointsTheDatabaseIntoTheDemoFolder() throws Exception {
        try (ConfigurableApplicationContext context = application().run("--ringside.data-dir=" + dir)) {
            Path keyFile = dir.resolve("demo/encryption.key");
            assertThat(context.getEnvironment().getProperty("spring.datasource.url"))
                    .isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/demo/ringside");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
            assertThat(context.getBean(EncryptionKeys.class).current()).isEqualTo(EncryptionKey.parse(Files.readString(keyFile)));
        }
    }

    @Test
    void aStartWithRealCredentialsAndNoKeyStopsWithBootsReportSayingHowToMakeOne(CapturedOutput output) {
        assertThatThrownBy(() -> application().run("--ringside.data-dir=" + dir,
                "--ringcentral.client-id=id", "--ringcentral.client-secret=secret"))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("No encryption key is set")
                .contains("openssl rand -base64 32");
        assertThat(dir.resolve("demo")).doesNotExist();
    }
}
