package io.ringside.bootstrap.security;

import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.bootstrap.mode.ModeConfiguration;
import io.ringside.ui.Roles;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.List;

/**
 * The console's first users: {@code admin} (ADMIN and OPERATOR) and {@code operator} (OPERATOR).
 * In demo mode their passwords are their names; otherwise they come from
 * {@code RINGSIDE_ADMIN_PASSWORD} / {@code RINGSIDE_OPERATOR_PASSWORD} ({@link RingsideProperties},
 * which also checks their length) and start-up stops without them. Passwords are kept only as
 * hashes and never logged or put in a message. Brings what it reads ({@link RingsideProperties},
 * {@link DemoMode}), so the security configuration that imports it works on its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RingsideProperties.class)
@Import(ModeConfiguration.class)
public class FirstUsers {

    static final String ADMIN = "admin";
    static final String OPERATOR = "operator";

    @Bean
    UserDetailsService userDetailsService(DemoMode demoMode, RingsideProperties settings, PasswordEncoder passwordEncoder) {
        return new InMemoryUserDetailsManager(users(demoMode, settings, passwordEncoder));
    }

    static List<UserDetails> users(DemoMode demoMode, RingsideProperties settings, PasswordEncoder encoder) {
        String adminPassword = demoMode.on() ? ADMIN : required(settings.adminPassword(), "RINGSIDE_ADMIN_PASSWORD", "ringside.admin-password");
        String operatorPassword = demoMode.on() ? OPERATOR
                : required(settings.operatorPassword(), "RINGSIDE_OPERATOR_PASSWORD", "ringside.operator-password");
        return List.of(
                User.withUsername(ADMIN).password(encoder.encode(adminPassword)).roles(Roles.ADMIN, Roles.OPERATOR).build(),
                User.withUsername(OPERATOR).password(encoder.encode(operatorPassword)).roles(Roles.OPERATOR).build());
    }

    private static String required(String password, String variable, String property) {
        if (password == null) {
            throw new IllegalStateException(variable + " is not set. Outside demo mode (RingCentral credentials are set),"
                    + " Ringside needs a password for each first user: set " + variable + " (or " + property + ").");
        }
        return password;
    }
}
