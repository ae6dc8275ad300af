package io.ringside.bootstrap.data;

import io.ringside.bootstrap.mode.DemoMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The post-processor called directly; {@link StartUpTest} shows Spring Boot finds and runs it. */
class DataDirectoryEnvironmentPostProcessorTest {

    @TempDir
    Path dir;

    private final DataDirectoryEnvironmentPostProcessor postProcessor =
            new DataDirectoryEnvironmentPostProcessor(new DeferredLogs());

    @Test
    void withRealCredentialsTheDatabaseIsAnH2FileInTheDataDirectoryAndItOpens() throws Exception {
        MockEnvironment environment = realCredentials().withProperty("ringside.data-dir", dir.toString());

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        String url = environment.getProperty("spring.datasource.url");
        assertThat(url).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/ringside");
        try (Connection ignored = DriverManager.getConnection(url, "sa", "")) {
            assertThat(dir.resolve("ringside.mv.db")).exists();
        }
        assertThat(dir.resolve("demo")).doesNotExist();
    }

    @Test
    void aMissingDataDirectoryIsCreatedForItsOwnerOnlyBecauseTheDatabaseHoldsCallersDetails() throws Exception {
        Path missing = dir.resolve("not/yet");
        MockEnvironment environment = realCredentials().withProperty("ringside.data-dir", missing.toString());

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(missing))).isEqualTo("rwx------");
    }

    @Test
    void theEnvironmentVariableRingsideDataDirChoosesTheDirectory() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "RINGSIDE_DATA_DIR", dir.toString(),
                "RINGCENTRAL_CLIENT_ID", "id", "RINGCENTRAL_CLIENT_SECRET", "secret")));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/ringside");
    }

    // The next two only resolve paths: running the post-processor would create ./data, which tests never touch.
    @Test
    void aRelativeDataDirectoryBecomesAnAbsolutePathBecauseH2RefusesImplicitlyRelativeOnes() {
        DataDirectory directory = DataProperties.bind(new MockEnvironment().withProperty("ringside.data-dir", "data")).dataDirectory();

        assertThat(directory.h2Url(false)).isEqualTo("jdbc:h2:file:" + Path.of("data").toAbsolutePath() + "/ringside");
    }

    @Test
    void withoutAnySettingTheDataDirectoryIsDotSlashDataAndDemoDataIsInItsDemoFolder() {
        DataDirectory directory = DataProperties.bind(new MockEnvironment()).dataDirectory();

        assertThat(directory.root()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(directory.h2Url(true)).isEqualTo("jdbc:h2:file:" + Path.of("data", "demo").toAbsolutePath() + "/ringside");
        assertThat(directory.demoKeyFile()).isEqualTo(Path.of("data", "demo", "encryption.key").toAbsolutePath());
    }

    @Test
    void inDemoModeTheDatabaseAndAGeneratedOwnerOnlyKeyLiveInTheirOwnFolder() {
        MockEnvironment environment = new MockEnvironment().withProperty("ringside.data-dir", dir.toString());

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:h2:file:" + dir.toAbsolutePath() + "/demo/ringside");
        Path key = dir.resolve("demo/encryption.key");
        assertThat(key).exists();
        assertThat(Files.isReadable(key)).isTrue();
    }

    @Test
    void aDatasourceUrlThatIsSetWinsAndNothingIsWrittenForIt() {
        MockEnvironment environment = realCredentials()
                .withProperty("ringside.data-dir", dir.toString())
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example:5432/ringside");

        postProcessor.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/ringside");
        assertThat(environment.getPropertySources().contains(DataDirectoryEnvironmentPostProcessor.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void aDatasourceUrlConfiguredInALaterSourceStillWinsOverTheDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        Map<String, Object> settings = new HashMap<>(Map.of("ringside.data-dir", dir.toString(),
                DemoMode.CLIENT_ID, "id", DemoMode.CLIENT_SECRET, "secret"));
        environment.getPropertySources().addLast(new MapPropertySource("application.properties", settings));

        postProcessor.postProcessEnvironment(environment, new SpringApplication());
        settings.put("spring.datasource.url", "jdbc:postgresql://localhost/ringside");

        assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://localhost/ringside");
    }

    @Test
    void oneCredentialWithoutTheOtherStopsStartUpWithDemoModesMessage() {
        MockEnvironment environment = new MockEnvironment().withProperty(DemoMode.CLIENT_ID, "id")
                .withProperty("ringside.data-dir", dir.toString());

        assertThatThrownBy(() -> postProcessor.postProcessEnvironment(environment, new SpringApplication()))
                .hasMessageContaining("RINGCENTRAL_CLIENT_SECRET is missing");
    }

    private static MockEnvironment realCredentials() {
        return new MockEnvironment().withProperty(DemoMode.CLIENT_ID, "id").withProperty(DemoMode.CLIENT_SECRET, "secret");
    }
}
