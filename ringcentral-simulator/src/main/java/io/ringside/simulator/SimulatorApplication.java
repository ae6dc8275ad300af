package io.ringside.simulator;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/**
 * The simulator on its own server, for the benchmark or manual trials:
 * {@code java -cp … io.ringside.simulator.SimulatorApplication --server.port=9090}.
 * No component scan of its own: it imports exactly what Ringside's demo mode imports.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(SimulatorConfiguration.class)
public class SimulatorApplication {

    public static void main(String[] args) {
        SpringApplication.run(SimulatorApplication.class, args);
    }
}
