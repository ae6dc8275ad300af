package io.ringside.bootstrap.config;

import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.ui.ConsoleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** What the console needs to know about this installation. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    ConsoleSettings consoleSettings(Environment environment, RingsideProperties settings) {
        return new ConsoleSettings(DemoMode.isOn(environment), settings.timeZone(), settings.phone().defaultRegion());
    }
}
