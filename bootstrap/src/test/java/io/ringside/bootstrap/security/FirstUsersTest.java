package io.ringside.bootstrap.security;

import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoMode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstUsersTest {

    private static final DemoMode DEMO = new DemoMode(true);
    private static final DemoMode REAL = new DemoMode(false);

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** {@code ringside.*} bound the way Spring Boot binds it at start-up. */
    private static RingsideProperties settings(String... properties) {
        MockEnvironment environment = new MockEnvironment();
        for (int i = 0; i < properties.length; i += 2) {
            environment.setProperty(properties[i], properties[i + 1]);
        }
        return Binder.get(environment).bindOrCreate("ringside", RingsideProperties.class);
    }

    private static List<String> authorities(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    @Test
    void demoModeUsesTheDemoPasswordsHashed() {
        List<UserDetails> users = FirstUsers.users(DEMO, settings(), encoder);
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("admin", "operator");
        assertThat(authorities(users.get(0))).containsExactly("ROLE_ADMIN", "ROLE_OPERATOR");
        assertThat(authorities(users.get(1))).containsExactly("ROLE_OPERATOR");
        assertThat(users.get(0).getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("admin", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("operator", users.get(1).getPassword())).isTrue();
    }

    @Test
    void outsideDemoModeThePasswordsComeFromTheSettings() {
        RingsideProperties settings = settings("ringside.admin-password", "correct horse battery",
                "ringside.operator-password", "staple operator");
        List<UserDetails> users = FirstUsers.users(REAL, settings, encoder);
        assertThat(encoder.matches("correct horse battery", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("admin", users.get(0).getPassword())).isFalse();
        assertThat(encoder.matches("staple operator", users.get(1).getPassword())).isTrue();
        assertThat(users.toString()).doesNotContain("correct horse battery").doesNotContain("staple operator");
        assertThat(settings.toString()).as("the settings print the passwords masked")
                .doesNotContain("correct horse battery").doesNotContain("staple operator").contains("adminPassword=********");
    }

    @Test
    void theEnvironmentVariableNamesWorkToo() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(
                "RINGSIDE_ADMIN_PASSWORD", "correct horse battery", "RINGSIDE_OPERATOR_PASSWORD", "staple operator")));
        RingsideProperties settings = Binder.get(environment).bindOrCreate("ringside", RingsideProperties.class);

        List<UserDetails> users = FirstUsers.users(REAL, settings, encoder);
        assertThat(encoder.matches("correct horse battery", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("staple operator", users.get(1).getPassword())).isTrue();
    }

    @Test
    void outsideDemoModeStartUpStopsWithoutPasswords() {
        assertThatThrownBy(() -> FirstUsers.users(REAL, settings(), encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RINGSIDE_ADMIN_PASSWORD is not set");
        RingsideProperties onlyAdmin = settings("ringside.admin-password", "correct horse battery");
        assertThatThrownBy(() -> FirstUsers.users(REAL, onlyAdmin, encoder))
                .hasMessageContaining("RINGSIDE_OPERATOR_PASSWORD is not set")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("correct horse battery"));
    }

    @Test
    void tooShortPasswordsAreRefusedWithoutSayingThem() {
        assertThatThrownBy(() -> settings("ringside.admin-password", "s3cr3t", "ringside.operator-password", "staple operator"))
                .rootCause()
                .hasMessage("RINGSIDE_ADMIN_PASSWORD is too short: use at least 8 characters.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }
}
