package io.ringside.bootstrap.demo;

import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoModeCondition;
import io.ringside.bootstrap.ringcentral.LateBoundRingCentral;
import io.ringside.bootstrap.ringcentral.RingCentralSettingsBinding;
import io.ringside.bootstrap.security.SecurityConfiguration;
import io.ringside.bootstrap.security.SecurityHeaders;
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
import java.util.Map;

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
    private static final String LOCALHOST = "http://localhost";
    private static final String REDIRECT_URI = "ringcentral.redirect-uri";
    private static final Logger LOG = LoggerFactory.getLogger(DemoConfiguration.class);

    /**
     * RingCentral's endpoints are called by servers and by a browser following redirects, never by
     * a Ringside session: no login, no CSRF. Ordered before every other chain. Its consent page gets
     * the same response headers as Ringside's own pages.
     */
    @Bean
    @Order(SecurityConfiguration.SIMULATOR_CHAIN_ORDER)
    SecurityFilterChain simulatorSecurity(HttpSecurity http) throws Exception {
        return http.securityMatcher(SIMULATOR_PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(AbstractHttpConfigurer::disable)
                .requestCache(AbstractHttpConfigurer::disable)
                .headers(SecurityHeaders::applyTo)
                .build();
    }

    /**
     * The RingCentral settings of demo mode: {@code ringcentral.*} as configured (timeouts, limits, push),
     * with the simulator's credentials, server and redirect URI. The server's port is not known yet
     * (it may be chosen at random), so these URLs have none; the adapter in use gets the real one.
     */
    @Bean
    RingCentralSettings ringCentralSettings(Environment environment, SimulatedPlatform platform) {
        return RingCentralSettingsBinding.bind(environment, simulatorAt(LOCALHOST, platform));
    }

    /** Once the server knows its port, the adapter is pointed at the simulator on {@code localhost}. */
    @Bean
    ApplicationListener<WebServerInitializedEvent> pointRingCentralAtSimulator(LateBoundRingCentral ringCentral, SimulatedPlatform platform,
                                                                               Environment environment, RingsideProperties ringside,
                                                                               Clock clock) {
        return event -> {
            if (event.getApplicationContext().getServerNamespace() != null) {
                return; // another server of this application (e.g. a separate management port), not the one users open
            }
            String origin = LOCALHOST + ":" + event.getWebServer().getPort();
            Map<String, String> simulator = simulatorAt(origin, platform);
            platform.updateSettings(settings -> settings.withRedirectUris(List.of(simulator.get(REDIRECT_URI))));
            ringCentral.install(RingCentralAdapter.create(RingCentralSettingsBinding.bind(environment, simulator),
                    ringside.phone().defaultRegion(), clock));
            LOG.warn("DEMO MODE: Ringside talks to its built-in RingCentral simulator at {}{}. Open {} and log in as admin/admin, "
                    + "operator/operator, or sam/sam and jordan/jordan (operators at extensions 102 and 103).", origin, SIMULATOR_PATH, origin);
        };
    }

    /** The simulator's credentials, its server under {@code origin} and the redirect URI it accepts. */
    private static Map<String, String> simulatorAt(String origin, SimulatedPlatform platform) {
        return Map.of(
                "ringcentral.base-url", origin + SIMULATOR_PATH,
                REDIRECT_URI, origin + "/api/ringcentral/callback",
                "ringcentral.client-id", platform.settings().clientId(),
                "ringcentral.client-secret", platform.settings().clientSecret());
    }

    @Bean
    DemoCalls demoCalls(SimulatedPlatform platform) {
        return new SimulatorDemoCalls(platform);
    }
}
