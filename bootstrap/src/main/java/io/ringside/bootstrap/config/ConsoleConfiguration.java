package io.ringside.bootstrap.config;

import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.view.MustChangePasswordGuard;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the console needs to know about this installation. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfiguration {

    @Bean
    ConsoleSettings consoleSettings(DemoMode demoMode, RingsideProperties settings) {
        return new ConsoleSettings(demoMode.on(), settings.timeZone(), settings.phone().defaultRegion());
    }

    /**
     * Someone with a temporary password goes to the change-password page first, from every view. Declared
     * here, not in the console's own configuration, which must not depend on its views (no package cycle);
     * Vaadin's Spring integration registers every {@code VaadinServiceInitListener} bean with the service.
     */
    @Bean
    MustChangePasswordGuard mustChangePasswordGuard(CurrentUser currentUser) {
        return new MustChangePasswordGuard(currentUser);
    }
}
