package io.ringside.ui;

import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WebBrowser;
import com.vaadin.flow.spring.security.AuthenticationContext;
import io.ringside.application.port.in.LookUpUser;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Actor;
import io.ringside.domain.ExtensionLink;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link CurrentUser} backed by Vaadin's {@link AuthenticationContext} (Spring Security) for who is logged in,
 * and by {@link LookUpUser} for the rest: read on each call, so an admin's edit (display name, extension)
 * shows on the next view without a new login.
 */
public final class SpringCurrentUser implements CurrentUser {

    private final AuthenticationContext authentication;
    private final LookUpUser users;

    public SpringCurrentUser(AuthenticationContext authentication, LookUpUser users) {
        this.authentication = Objects.requireNonNull(authentication, "authentication");
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public String name() {
        return authentication.getPrincipalName()
                .orElseThrow(() -> new IllegalStateException("No user is logged in"));
    }

    @Override
    public UUID id() {
        return account().id();
    }

    @Override
    public String displayName() {
        return account().displayName();
    }

    @Override
    public Optional<ExtensionLink> extension() {
        return Optional.ofNullable(account().extension());
    }

    @Override
    public boolean mustChangePassword() {
        return account().mustChangePassword();
    }

    @Override
    public Actor actor() {
        UserSummary account = account();
        return new Actor(account.id(), account.username(), account.displayName(), clientAddress());
    }

    @Override
    public boolean hasRole(String role) {
        return authentication.hasRole(role);
    }

    @Override
    public void logout() {
        authentication.logout();
    }

    private UserSummary account() {
        String username = name();
        // Disabling someone ends their sessions, so a logged-in name without an account is a bug, not a case.
        return users.byUsername(username)
                .orElseThrow(() -> new IllegalStateException("The logged-in user has no account"));
    }

    /**
     * The client's address as the request saw it; Spring Boot's forwarded-headers handling (when configured)
     * makes it the browser's rather than the proxy's. Null outside a request (a push from a feed thread).
     */
    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null && request.getRemoteAddr() != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        WebBrowser browser = session == null ? null : session.getBrowser();
        return browser == null ? null : browser.getAddress();
    }
}
