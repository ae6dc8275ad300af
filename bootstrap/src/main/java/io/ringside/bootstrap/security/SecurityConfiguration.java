package io.ringside.bootstrap.security;

import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import io.ringside.ui.Roles;
import io.ringside.ui.UiConfiguration;
import io.ringside.ui.view.LoginView;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.savedrequest.NullRequestCache;

/**
 * Who may do what. Chains, first match wins:
 * <ol>
 *   <li>(demo mode only, order {@value #SIMULATOR_CHAIN_ORDER}, declared elsewhere) {@code /simulator/**}</li>
 *   <li>{@value #API_CHAIN_ORDER}: {@code /api/ringcentral/**} — ADMIN only, CSRF on, anonymous → {@code /login}</li>
 *   <li>{@value #VAADIN_CHAIN_ORDER}: everything else through Vaadin's configurer — form login at {@code /login},
 *       every route denied unless its view says otherwise ({@code @PermitAll}, {@code @RolesAllowed}, {@code @AnonymousAllowed})</li>
 * </ol>
 * Logins go through the application ({@link ApplicationLogins}, the one authentication provider: lockout, throttling,
 * audit); logouts are audited ({@link AuditedLogout}). Each session lives within its idle and absolute lifetimes,
 * checked on every request of both chains before the login is read ({@link SessionLifetimeFilter}, {@link OpenSessions}).
 * The session id changes at login (session fixation protection). Every chain sends the same
 * {@link SecurityHeaders} (Content-Security-Policy with a per-response script nonce, frame denial,
 * no referrer, HSTS on secure requests).
 * <p>
 * Imports the console's {@link UiConfiguration} (the OAuth callback controller this secures, and the
 * {@code CurrentUser} the views read roles from), so they can never be left out; importing it again
 * elsewhere is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@Import({UiConfiguration.class, LoginConfiguration.class})
public class SecurityConfiguration {

    /** Room for the demo simulator's chain, which must come first. */
    public static final int SIMULATOR_CHAIN_ORDER = 0;
    public static final int API_CHAIN_ORDER = 10;
    public static final int VAADIN_CHAIN_ORDER = 20;

    public static final String API_PATHS = "/api/ringcentral/**";
    public static final String LOGIN_PATH = "/login";

    @Bean
    @Order(API_CHAIN_ORDER)
    SecurityFilterChain ringCentralApiSecurityFilterChain(HttpSecurity http, OpenSessions openSessions) throws Exception {
        return http
                .securityMatcher(API_PATHS)
                .addFilterBefore(new SessionLifetimeFilter(openSessions), SecurityContextHolderFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(Roles.ADMIN))
                .csrf(Customizer.withDefaults())
                // Never replay an OAuth callback after login: its code is single-use and short-lived.
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint(LOGIN_PATH)))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityHeaders::applyTo)
                .build();
    }

    @Bean
    @Order(VAADIN_CHAIN_ORDER)
    SecurityFilterChain vaadinSecurityFilterChain(HttpSecurity http, OpenSessions openSessions, AuditedLogout auditedLogout) throws Exception {
        return http
                .addFilterBefore(new SessionLifetimeFilter(openSessions), SecurityContextHolderFilter.class)
                .logout(logout -> logout.addLogoutHandler(auditedLogout))
                .sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityHeaders::applyTo)
                // Vaadin 25's default answers 403 to any path that is not a route the user may open. Here a path
                // needs a login, and each view is still checked by Vaadin's navigation access control
                // (@RolesAllowed, @PermitAll; a view without an annotation is denied). The callback has its own
                // chain above; the only other MVC endpoint, /simulator/** outside demo mode, must answer 404.
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(LoginView.class)
                        .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated))
                .build();
    }

    /** The nonce that lets Vaadin's own bootstrap scripts run under the Content-Security-Policy. */
    @Bean
    VaadinServiceInitListener nonceOnVaadinScripts() {
        return new NonceOnVaadinScripts();
    }

}
