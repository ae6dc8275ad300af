package io.ringside.ui;

import com.vaadin.flow.spring.security.AuthenticationContext;

import java.util.Objects;

/** {@link CurrentUser} backed by Vaadin's {@link AuthenticationContext} (Spring Security). */
public final class SpringCurrentUser implements CurrentUser {

    private final AuthenticationContext authentication;

    public SpringCurrentUser(AuthenticationContext authentication) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
    }

    @Override
    public String name() {
        return authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    @Override
    public boolean hasRole(String role) {
        return authentication.hasRole(role);
    }

    @Override
    public void logout() {
        authentication.logout();
    }
}
