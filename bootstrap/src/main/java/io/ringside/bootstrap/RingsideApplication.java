package io.ringside.bootstrap;

import io.ringside.adapters.persistence.PersistenceConfiguration;
import io.ringside.bootstrap.data.DataConfiguration;
import io.ringside.ui.UiConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Starts Ringside: the one place that sees every module and wires them together. Component
 * scanning covers bootstrap only; each adapter's configuration is imported by name, and Vaadin
 * looks for routes in the UI package ({@code vaadin.allowed-packages}).
 */
@SpringBootApplication
@Import({PersistenceConfiguration.class, DataConfiguration.class, UiConfiguration.class})
public class RingsideApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingsideApplication.class, args);
    }
}
