package io.ringside.bootstrap.security;

import org.springframework.security.core.AuthenticationException;

/** Too many login attempts from one client address: refused before the password is looked at. */
public class LoginThrottledException extends AuthenticationException {

    public LoginThrottledException(String message) {
        super(message);
    }
}
