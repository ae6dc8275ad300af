package io.ringside.ui.view;

import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;

/**
 * What the login form says after a refused login. The security layer throws {@link AuthenticationException}s
 * whose message is already the text for the person ("Too many failed logins. …"); anything else (a technical
 * failure, Spring's own wording, a missing or odd value) gets a safe sentence, never a class name or a trace.
 */
final class LoginRefusal {

    static final String WRONG_CREDENTIALS = "Wrong username or password.";
    static final String NOT_CHECKED = "Ringside could not check your login just now. Try again in a moment.";

    /** Spring Security's own message for a wrong password; it is not ours to show. */
    private static final String SPRING_BAD_CREDENTIALS = "Bad credentials";
    private static final int LONGEST_MESSAGE = 300;

    private LoginRefusal() {
    }

    /** @param lastException what Spring Security kept in the session (WebAttributes.AUTHENTICATION_EXCEPTION), or null */
    static String text(Object lastException) {
        if (lastException instanceof AuthenticationServiceException) {
            // The store or a service failed: its message is for the log, not for the person.
            return NOT_CHECKED;
        }
        if (!(lastException instanceof AuthenticationException refusal)) {
            return WRONG_CREDENTIALS;
        }
        String message = refusal.getMessage();
        if (message == null || message.isBlank() || message.length() > LONGEST_MESSAGE || message.contains("\n")
                || (refusal instanceof BadCredentialsException && message.equals(SPRING_BAD_CREDENTIALS))) {
            return WRONG_CREDENTIALS;
        }
        return message.strip();
    }
}
