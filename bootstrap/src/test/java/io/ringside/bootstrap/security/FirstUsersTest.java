package io.ringside.bootstrap.security;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FirstUsersTest {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    private static MockEnvironment realRingCentral() {
        return new MockEnvironment()
                .withProperty("ringcentral.client-id", "id")
                .withProperty("ringcentral.client-secret", "secret");
    }

    private static List<String> authorities(UserDetails user) {
        return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
    }

    @Test
    void demoModeUsesTheDemoPasswordsHashed() {
        List<UserDetails> users = FirstUsers.from(new MockEnvironment(), encoder);
        assertThat(users).extracting(UserDetails::getUsername).containsExactly("admin", "operator");
        assertThat(authorities(users.get(0))).containsExactly("ROLE_ADMIN", "ROLE_OPERATOR");
        assertThat(authorities(users.get(1))).containsExactly("ROLE_OPERATOR");
        assertThat(users.get(0).getPassword()).startsWith("{bcrypt}");
        assertThat(encoder.matches("admin", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("operator", users.get(1).getPassword())).isTrue();
    }

    @Test
    void outsideDemoModeThePasswordsComeFromTheEnvironment() {
        MockEnvironment environment = realRingCentral()
                .withProperty("ringside.admin-password", "correct horse battery")
                .withProperty("ringside.operator-password", "staple operator");
        List<UserDetails> users = FirstUsers.from(environment, encoder);
        assertThat(encoder.matches("correct horse battery", users.get(0).getPassword())).isTrue();
        assertThat(encoder.matches("admin", users.get(0).getPassword())).isFalse();
        assertThat(encoder.matches("staple operator", users.get(1).getPassword())).isTrue();
        assertThat(users.toString()).doesNotContain("correct horse battery").doesNotContain("staple operator");
    }

    @Test
    void theEnvironmentVariableNamesWorkToo() {
        MockEnvironment environment = realRingCentral()
                .withProperty("RINGSIDE_ADMIN_PASSWORD", "correct horse battery")
                .withProperty("RINGSIDE_OPERATOR_PASSWORD", "staple operator");
        assertThat(encoder.matches("staple operator", FirstUsers.from(environment, encoder).get(1).getPassword())).isTrue();
    }

    @Test
    void outsideDemoModeStartUpStopsWithoutPasswords() {
        assertThatThrownBy(() -> FirstUsers.from(realRingCentral(), encoder))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RINGSIDE_ADMIN_PASSWORD");
        MockEnvironment onlyAdmin = realRingCentral().withProperty("ringside.admin-password", "correct horse battery");
        assertThatThrownBy(() -> FirstUsers.from(onlyAdmin, encoder))
                .hasMessageContaining("RINGSIDE_OPERATOR_PASSWORD")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("correct horse battery"));
    }

    @Test
    void tooShortPasswordsAreRefusedWithoutSayingThem() {
        MockEnvironment environment = realRingCentral()
                .withProperty("ringside.admin-password", "s3cr3t")
                .withProperty("ringside.operator-password", "staple operator");
        assertThatThrownBy(() -> FirstUsers.from(environment, encoder))
                .hasMessageContaining("too short")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    }
}
