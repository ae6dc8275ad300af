package io.ringside.ui;

/** The console's roles, without Spring Security's {@code ROLE_} prefix. An admin is also an operator. */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String OPERATOR = "OPERATOR";

    private Roles() {
    }
}
