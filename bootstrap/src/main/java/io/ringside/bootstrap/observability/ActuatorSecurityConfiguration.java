package io.ringside.bootstrap.observability;

import io.ringside.bootstrap.mode.StartUpRefusedException;
import io.ringside.bootstrap.security.MachineRequestDetails;
import io.ringside.ui.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may read the Actuator endpoints (health, Prometheus), in a chain of its own:
 * <ul>
 *   <li>on the main port (no {@code management.server.port}): admins only, by their console session or
 *       HTTP Basic (for a Prometheus scraper); anonymous → 401, an operator → 403. A Basic request is a check of the
 *       credentials, not a login: a wrong password is audited and counts towards the lockout, a right one leaves no
 *       trace;</li>
 *   <li>on a separate {@code management.server.port}: anyone who can reach that port (probes, scrapers). So
 *       {@code management.server.address} must be set with it, a decision rather than an accident: 127.0.0.1 keeps
 *       the endpoints on this machine, 0.0.0.0 opens them to the network (for a kubelet or a Prometheus elsewhere).
 *       The endpoints are then not served on the main port at all.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class ActuatorSecurityConfiguration {

    /** After the demo simulator's chain, before the OAuth callback's and Vaadin's. */
    public static final int ACTUATOR_CHAIN_ORDER = 5;
    /** How a refused scrape is named in the audit trail. */
    static final String BASIC_SCRAPE = "Actuator (HTTP Basic)";

    @Bean
    @Order(ACTUATOR_CHAIN_ORDER)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http, Environment environment) throws Exception {
        // EndpointRequest matches the management context only: with a port of its own, requests on the main port never get here.
        http.securityMatcher(EndpointRequest.toAnyEndpoint())
                // A 401 must not leave a session behind for every scrape.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()));
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            if (environment.getProperty("management.server.address") == null) {
                throw new StartUpRefusedException("management.server.port is set but management.server.address is not: on that port"
                        + " health and metrics need no login.", "Say where it listens: MANAGEMENT_SERVER_ADDRESS=127.0.0.1 for this"
                        + " machine only, 0.0.0.0 for probes and scrapers on the network.");
            }
            return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
        }
        return http.authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ADMIN))
                // A scrape is a check of the credentials, not a login: no audit entry or last login every 15 seconds.
                .httpBasic(basic -> basic.authenticationEntryPoint(ActuatorSecurityConfiguration::askForCredentials)
                        .authenticationDetailsSource(request -> new MachineRequestDetails(request, BASIC_SCRAPE)))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(ActuatorSecurityConfiguration::askForCredentials)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .build();
    }

    /**
     * 401 with a Basic challenge, set rather than sent as an error: an error dispatch would go to {@code /error},
     * which the console's chain answers with a redirect to the login page.
     */
    private static void askForCredentials(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Ringside\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
