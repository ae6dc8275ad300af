package io.ringside.application.port.in;

/**
 * A temporary password Ringside made for a person, to be shown once to the admin and changed by the
 * person at their next login. A secret: it never prints its value.
 */
public record IssuedPassword(UserSummary user, String temporaryPassword) {

    @Override
    public String toString() {
        return "IssuedPassword[user=" + user.username() + ", temporaryPassword=********]";
    }
}
