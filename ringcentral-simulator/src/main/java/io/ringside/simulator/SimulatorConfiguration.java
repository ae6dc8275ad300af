package io.ringside.simulator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;

import java.time.Clock;

/**
 * Everything the simulator needs in a Spring context: import this (only in demo mode) and its
 * endpoints answer under {@code ${ringside.simulator.path-prefix}}. Scans only the simulator's own
 * package, and leaves the standalone {@link SimulatorApplication} out.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan(basePackageClasses = SimulatorConfiguration.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.ANNOTATION, classes = SpringBootConfiguration.class))
@EnableConfigurationProperties(SimulatorProperties.class)
public class SimulatorConfiguration {

    /**
     * Runs on the context's {@link Clock} bean when there is exactly one (so an app's test clock
     * drives the simulator too), else on the system clock; {@link SimulatedPlatform#advanceClock} adds to either.
     */
    @Bean(initMethod = "start", destroyMethod = "close")
    public SimulatedPlatform simulatedPlatform(SimulatorProperties properties, ObjectProvider<Clock> clock) {
        return new SimulatedPlatform(properties.toSettings(), clock.getIfUnique(Clock::systemUTC));
    }
}
