package io.ringside.application.port.out;

import io.ringside.domain.Password;

/** Passwords too common to accept (the ones guessed first). */
public interface CommonPasswords {

    boolean isCommon(Password password);
}
