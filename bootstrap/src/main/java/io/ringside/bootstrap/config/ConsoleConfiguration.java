package io.ringside.bootstrap.config;

import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.ui.ConsoleSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the console needs to know about this installation. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    ConsoleSettings consoleSettings(DemoMode demoMode, RingsideProperties settings) {
        return new ConsoleSettings(demoMode.on(), settings.timeZone(), settings.phone().defaultRegion());
    }
}
