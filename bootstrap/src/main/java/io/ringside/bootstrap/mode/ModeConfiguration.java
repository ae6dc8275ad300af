package io.ringside.bootstrap.mode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** Whether this is demo mode, as a bean: decided once, from the RingCentral credentials. */
@Configuration(proxyBeanMethods = false)
public class ModeConfiguration {

    @Bean
    DemoMode demoMode(Environment environment) {
        return DemoMode.of(environment);
    }
}
