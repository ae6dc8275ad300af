package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.bootstrap.mode.DemoModeCondition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * The RingCentral adapter behind the application's ports. With real credentials its settings are
 * {@code ringcentral.*} and it is built at start-up; in demo mode the demo wiring declares the
 * settings (the built-in simulator) and installs the adapter once the server's port is known.
 */
@Configuration(proxyBeanMethods = false)
public class RingCentralConfiguration {

    @Bean
    @Conditional(DemoModeCondition.Off.class)
    RingCentralSettings ringCentralSettings(Environment environment) {
        return RingCentralSettingsBinding.bind(environment);
    }

    @Bean(destroyMethod = "close")
    LateBoundRingCentral ringCentral(RingCentralSettings settings, DemoMode demoMode, RingsideProperties ringside, Clock clock) {
        LateBoundRingCentral ringCentral = new LateBoundRingCentral();
        if (!demoMode.on()) {
            ringCentral.install(RingCentralAdapter.create(settings, ringside.phone().defaultRegion(), clock));
        }
        return ringCentral;
    }
}
