package io.ringside.application.port.in;

import io.ringside.domain.Actor;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;

import java.util.List;
import java.util.UUID;

/**
 * An admin runs the team: adds people, edits them, disables and enables them, resets their passwords.
 * Every change is audited. Field problems throw {@link IllegalArgumentException}, refused changes
 * {@link UserChangeRefusedException}; both with a message for the admin.
 */
public interface ManageUsers {

    /** Everyone, ordered by username. */
    List<UserSummary> list();

    /** Adds a person with a temporary password they must change at first login. */
    IssuedPassword add(String username, String displayName, Role role, ExtensionLink extension, Actor admin);

    /** Changes a person's display name, role and extension ({@code version} as listed). */
    UserSummary edit(UUID id, long version, String displayName, Role role, ExtensionLink extension, Actor admin);

    /** Disables (their open sessions end at once) or enables a person. The last enabled admin cannot be disabled. */
    UserSummary setEnabled(UUID id, long version, boolean enabled, Actor admin);

    /** Gives a person a new temporary password (and unlocks them); they must change it at next login. */
    IssuedPassword resetPassword(UUID id, Actor admin);
}
