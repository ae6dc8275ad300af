package io.ringside.application.port.in;

import io.ringside.domain.Actor;
import io.ringside.domain.Password;

/** Anyone changes their own password (and must, after an admin gave them a temporary one). */
public interface ChangePassword {

    /**
     * @throws PasswordRejectedException with a message for the person: the current password is wrong, or
     *                                   the new one breaks a rule (length, too common, same as before)
     */
    void change(Actor who, Password current, Password next);
}
