package io.ringside.bootstrap;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import io.ringside.adapters.persistence.PersistenceConfiguration;
import io.ringside.bootstrap.data.DataConfiguration;
import io.ringside.ui.UiConfiguration;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * Starts Ringside: the one place that sees every module and wires them together. Component
 * scanning covers bootstrap only; each adapter's configuration is imported by name. Vaadin looks
 * for routes and the app shell in the UI package ({@code @EnableVaadin}; without it Vaadin's Spring
 * integration scans only this class's package, and the packaged app answers every route with
 * "Couldn't find route"; {@code vaadin.allowed-packages} limits only the jar scanning).
 */
@SpringBootApplication
@EnableVaadin("io.ringside.ui")
@Import({PersistenceConfiguration.class, DataConfiguration.class, UiConfiguration.class})
public class RingsideApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingsideApplication.class, args);
    }
}
