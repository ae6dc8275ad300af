package io.ringside.ui.view;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;

import static org.assertj.core.api.Assertions.assertThat;

class LoginRefusalTest {

    private static final String LOCKED =
            "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password.";

    @Test
    void theRefusalsOwnMessageIsShown() {
        assertThat(LoginRefusal.text(new LockedException(LOCKED))).isEqualTo(LOCKED);
        assertThat(LoginRefusal.text(new BadCredentialsException("Wrong username or password."))).isEqualTo("Wrong username or password.");
    }

    @Test
    void nothingKeptMeansWrongUsernameOrPassword() {
        assertThat(LoginRefusal.text(null)).isEqualTo("Wrong username or password.");
        assertThat(LoginRefusal.text("not an exception")).isEqualTo("Wrong username or password.");
    }

    @Test
    void springsOwnWordingIsNotShown() {
        assertThat(LoginRefusal.text(new BadCredentialsException("Bad credentials"))).isEqualTo("Wrong username or password.");
        assertThat(LoginRefusal.text(new BadCredentialsException(" "))).isEqualTo("Wrong username or password.");
    }

    @Test
    void aTechnicalFailureNeverShowsItsMessage() {
        String text = LoginRefusal.text(new InternalAuthenticationServiceException(
                "Failed to obtain JDBC Connection; nested exception is java.sql.SQLException: pool exhausted"));
        assertThat(text).isEqualTo("Ringside could not check your login just now. Try again in a moment.");
    }

    @Test
    void aMessageThatLooksLikeATraceIsNotShown() {
        assertThat(LoginRefusal.text(new LockedException("java.lang.IllegalStateException: boom\n\tat io.ringside.X.y(X.java:1)")))
                .isEqualTo("Wrong username or password.");
    }
}
