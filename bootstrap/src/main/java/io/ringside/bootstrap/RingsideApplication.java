package io.ringside.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Starts Ringside: the one place that sees every module and wires them together. */
@SpringBootApplication
public class RingsideApplication {

    public static void main(String[] args) {
        SpringApplication.run(RingsideApplication.class, args);
    }
}
