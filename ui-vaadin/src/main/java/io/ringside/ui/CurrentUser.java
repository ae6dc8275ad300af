package io.ringside.ui;

/**
 * The person using the console, as the views need them. {@link io.ringside.ui.SpringCurrentUser}
 * reads Spring Security (through Vaadin's {@code AuthenticationContext}); tests use a fake.
 * Call it from request threads only, never from a feed thread.
 */
public interface CurrentUser {

    /** The logged-in user's name (what intakes and connections record as who did it). */
    String name();

    /** Whether the user has {@code role} (without the {@code ROLE_} prefix), e.g. {@link Roles#ADMIN}. */
    boolean hasRole(String role);

    default boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }

    /** Logs out and sends the browser to the login page. */
    void logout();
}
