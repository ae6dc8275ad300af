package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.bootstrap.mode.DemoMode;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

/**
 * The RingCentral adapter behind the application's ports. With real credentials it is built at
 * start-up from {@code ringcentral.*}; in demo mode the demo wiring installs one pointed at the
 * built-in simulator once the server's port is known.
 */
@Configuration(proxyBeanMethods = false)
public class RingCentralConfiguration {

    @Bean(destroyMethod = "close")
    LateBoundRingCentral ringCentral(Environment environment, Clock clock) {
        LateBoundRingCentral ringCentral = new LateBoundRingCentral();
        if (!DemoMode.isOn(environment)) {
            ringCentral.install(RingCentralAdapter.create(RingCentralSettingsBinding.from(environment).build(), clock));
        }
        return ringCentral;
    }
}
