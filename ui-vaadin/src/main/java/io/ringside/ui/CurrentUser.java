package io.ringside.ui;

import io.ringside.domain.Actor;
import io.ringside.domain.ExtensionLink;

import java.util.Optional;
import java.util.UUID;

/**
 * The person using the console, as the views need them. {@link io.ringside.ui.SpringCurrentUser}
 * reads Spring Security (through Vaadin's {@code AuthenticationContext}) and the stored account; tests use
 * a fake. Call it from request threads only, never from a feed thread.
 */
public interface CurrentUser {

    /** The logged-in user's username. */
    String name();

    /** Their account's id. */
    UUID id();

    /** How colleagues see them ("Maria Lopez"). */
    String displayName();

    /** The RingCentral extension they sit at, when an admin linked one. */
    Optional<ExtensionLink> extension();

    /** Whether they must replace a temporary password before anything else. */
    boolean mustChangePassword();

    /** Them, with the client address of the current request, for what they do and save. */
    Actor actor();

    /** Whether the user has {@code role} (without the {@code ROLE_} prefix), e.g. {@link Roles#ADMIN}. */
    boolean hasRole(String role);

    default boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Logs out and sends the browser to the login page. */
    void logout();
}
