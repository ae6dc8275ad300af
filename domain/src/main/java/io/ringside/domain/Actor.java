package io.ringside.domain;

import java.util.UUID;

/**
 * Who did something, for the audit trail and for what they saved: a person (id, username, the display
 * name at the time) or Ringside itself; and from which client address, when a request carried one.
 *
 * @param userId  the person's id, or null for Ringside itself or a username that does not exist
 * @param address the client's address (as the proxy-aware request saw it), or null
 */
public record Actor(UUID userId, String username, String displayName, String address) {

    public static final String SYSTEM = "ringside";

    public Actor {
        username = Text.requireText(username, "The actor's username");
        displayName = Text.blankToNull(displayName) == null ? username : displayName.strip();
        address = Text.blankToNull(address);
    }

    public static Actor of(UserAccount user, String address) {
        return new Actor(user.id(), user.username(), user.displayName(), address);
    }

    /** Ringside itself (a scheduled refresh, a start-up task). */
    public static Actor system() {
        return new Actor(null, SYSTEM, "Ringside", null);
    }

    public boolean isSystem() {
        return userId == null && SYSTEM.equals(username);
    }
}
