package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LogIn;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Logins, logouts and sessions through the application's {@link LogIn}. Needs a {@link LogIn} and a {@link Clock} bean.
 * <ul>
 *   <li>{@link ApplicationLogins} is the one {@code AuthenticationProvider} bean, so Spring Security uses it for every
 *       chain (the form login, and HTTP Basic on the Actuator endpoints);</li>
 *   <li>{@link OpenSessions} holds this instance's sessions and is the container's session listener;
 *       {@link SessionSweep} ends idle and old sessions every minute. The {@code UserSessions} port (ending a
 *       person's sessions, on every instance) is {@link ClusterWideSessions}, wired with the cluster.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionSettings.class)
public class LoginConfiguration {

    @Bean
    ApplicationLogins applicationLogins(LogIn logIn) {
        return new ApplicationLogins(logIn);
    }

    @Bean
    OpenSessions openSessions(LogIn logIn, SessionSettings settings, Clock clock) {
        return new OpenSessions(logIn, settings, clock);
    }

    @Bean
    AuditedLogout auditedLogout(LogIn logIn, OpenSessions openSessions) {
        return new AuditedLogout(logIn, openSessions);
    }

    @Bean
    SessionSweep sessionSweep(OpenSessions openSessions) {
        return new SessionSweep(openSessions);
    }
}
