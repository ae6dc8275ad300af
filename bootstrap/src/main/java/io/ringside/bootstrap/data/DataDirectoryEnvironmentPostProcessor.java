package io.ringside.bootstrap.data;

import io.ringside.bootstrap.mode.DemoMode;
import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.util.Map;

/**
 * Points Spring Boot at Ringside's embedded H2 file database unless {@code spring.datasource.url}
 * (SPRING_DATASOURCE_URL) is set: {@code <data dir>/ringside}, or {@code <data dir>/demo/ringside}
 * in demo mode. In demo mode it also makes sure the demo encryption key exists, here, before any
 * bean (and so before the DataSource) is created.
 *
 * <p>Runs after the configuration files are loaded, so settings in application.properties count.
 */
public class DataDirectoryEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

    static final String DATASOURCE_URL = "spring.datasource.url";
    static final String PROPERTY_SOURCE = "ringsideDataDirectory";

    private final Log log;

    public DataDirectoryEnvironmentPostProcessor(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DataDirectoryEnvironmentPostProcessor.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean demo = DemoMode.isOn(environment);
        DataDirectory directory = DataProperties.bind(environment).dataDirectory();
        if (demo) {
            DemoKeyFile.Loaded loaded = DemoKeyFile.loadOrCreate(directory.demoKeyFile(), new SecureRandom());
            if (loaded.created()) {
                log.info("Demo mode: generated an encryption key for the demo database in " + directory.demoKeyFile());
            }
        }
        String configuredUrl = environment.getProperty(DATASOURCE_URL);
        if (configuredUrl != null && !configuredUrl.isBlank()) {
            log.info("Database: spring.datasource.url is set; " + DataDirectory.PROPERTY + " is not used for it");
            return;
        }
        directory.createIfMissing(demo);
        String url = directory.h2Url(demo);
        // Last in line: anything configured anywhere else still wins.
        environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(DATASOURCE_URL, url)));
        log.info("Database: embedded H2 file in " + directory.databaseDirectory(demo) + " (" + url + ")");
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) has loaded the config files.
        return Ordered.LOWEST_PRECEDENCE - 100;
    }
}
