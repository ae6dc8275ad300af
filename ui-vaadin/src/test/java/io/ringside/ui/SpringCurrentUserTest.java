package io.ringside.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Actor;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Who is logged in comes from Spring Security; who they are from the stored account, read fresh. */
class SpringCurrentUserTest {

    private static final UUID MARIA_ID = UUID.fromString("00000000-0000-0000-0000-000000000104");

    private final Map<String, UserSummary> accounts = new HashMap<>();
    private final SpringCurrentUser user = new SpringCurrentUser(new AuthenticationContext(),
            username -> Optional.ofNullable(accounts.get(username)));

    private static UserSummary maria(String displayName, boolean mustChange) {
        return new UserSummary(MARIA_ID, "maria", displayName, Role.OPERATOR, new ExtensionLink("62264425004", "104"), true,
                false, null, mustChange, 3);
    }

    @BeforeEach
    void logInAsMaria() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("maria", null,
                List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"))));
        accounts.put("maria", maria("Maria Lopez", true));
        MockVaadin.setup();
    }

    @AfterEach
    void logOut() {
        MockVaadin.tearDown();
        SecurityContextHolder.clearContext();
    }

    @Test
    void readsTheAccountOfWhoeverIsLoggedIn() {
        assertThat(user.name()).isEqualTo("maria");
        assertThat(user.id()).isEqualTo(MARIA_ID);
        assertThat(user.displayName()).isEqualTo("Maria Lopez");
        assertThat(user.extension()).contains(new ExtensionLink("62264425004", "104"));
        assertThat(user.mustChangePassword()).isTrue();
        assertThat(user.hasRole(Roles.OPERATOR)).isTrue();
        assertThat(user.isAdmin()).isFalse();
    }

    @Test
    void anAdminsEditShowsWithoutANewLogin() {
        accounts.put("maria", maria("Maria López-Díaz", false));
        assertThat(user.displayName()).isEqualTo("Maria López-Díaz");
        assertThat(user.mustChangePassword()).isFalse();
    }

    @Test
    void theActorCarriesTheRequestsClientAddress() {
        Actor actor = user.actor();
        assertThat(actor.userId()).isEqualTo(MARIA_ID);
        assertThat(actor.username()).isEqualTo("maria");
        assertThat(actor.displayName()).isEqualTo("Maria Lopez");
        assertThat(actor.address()).isEqualTo("127.0.0.1"); // Karibu's fake request
    }

    @Test
    void nobodyLoggedInIsAnError() {
        SecurityContextHolder.clearContext();
        assertThatThrownBy(user::displayName).isInstanceOf(IllegalStateException.class);
    }
}
