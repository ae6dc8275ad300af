package io.ringside.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

import java.util.Map;

/**
 * The simulator on its own server (port 9090 unless {@code --server.port} says otherwise), for the
 * benchmark or manual trials: {@code ./mvnw -pl ringcentral-simulator spring-boot:run}. No component
 * scan of its own: it imports exactly what Ringside's demo mode imports.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SimulatorConfiguration.class)
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(SimulatorApplication.class);
        application.setDefaultProperties(Map.of("server.port", "9090"));
        application.run(args);
    }
}
