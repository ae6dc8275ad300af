package io.ringside.bootstrap.demo;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.bootstrap.ringcentral.LateBoundRingCentral;
import io.ringside.bootstrap.ringcentral.RingCentralSettingsBinding;
import io.ringside.bootstrap.security.SecurityConfiguration;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.SimulatorConfiguration;
import io.ringside.ui.DemoCalls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.util.List;

/**
 * Demo mode, and only demo mode: Ringside serves the RingCentral simulator itself under
 * {@code /simulator/**} and points the real RingCentral adapter at it, so the whole product works
 * on a fresh machine with no RingCentral account. Without this configuration there is no simulator bean.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(DemoModeCondition.class)
@Import(SimulatorConfiguration.class)
public class DemoConfiguration {

    static final String SIMULATOR_PATH = "/simulator";
    private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

    /**
     * RingCentral's endpoints are called by servers and by a browser following redirects, never by
     * a Ringside session: no login, no CSRF. Ordered before every other chain.
     */
    @Bean
    @Order(SecurityConfiguration.SIMULATOR_CHAIN_ORDER)
    SecurityFilterChain simulatorSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(SIMULATOR_PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .build();
    }

    /** Once the server knows its port, the adapter is pointed at the simulator on {@code localhost}. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> pointRingCentralAtSimulator(
            LateBoundRingCentral ringCentral, SimulatedPlatform platform, Environment environment, Clock clock) {
        return event -> {
            String origin = "http://localhost:" + event.getWebServer().getPort();
            String redirectUri = origin + "/api/ringcentral/callback";
            platform.updateSettings(settings -> settings.withRedirectUris(List.of(redirectUri)));
            ringCentral.install(RingCentralAdapter.create(RingCentralSettingsBinding.from(environment)
                    .baseUrl(origin + SIMULATOR_PATH)
                    .redirectUri(redirectUri)
                    .clientId(platform.settings().clientId())
                    .clientSecret(platform.settings().clientSecret())
                    .build(), clock));
            LOG.warn("DEMO MODE: no RINGCENTRAL_CLIENT_ID/RINGCENTRAL_CLIENT_SECRET set, so Ringside talks to its built-in "
                    + "RingCentral simulator at {}{}. Log in at {} as admin/admin or operator/operator.", origin, SIMULATOR_PATH, origin);
        };
    }

    @Bean
    DemoCalls demoCalls(SimulatedPlatform platform) {
        return new SimulatorDemoCalls(platform);
    }
}
