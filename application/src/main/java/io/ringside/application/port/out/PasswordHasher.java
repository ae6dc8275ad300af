package io.ringside.application.port.out;

import io.ringside.domain.Password;

/** Turns passwords into hashes worth storing, and checks a password against one. */
public interface PasswordHasher {

    String hash(Password password);

    boolean matches(Password password, String hash);
}
