package io.ringside.domain;

/** What a person may do in Ringside. An admin manages the console and can also take calls. */
public enum Role {
    ADMIN,
    OPERATOR;

    public boolean isAdmin() {
        return this == ADMIN;
    }
}
