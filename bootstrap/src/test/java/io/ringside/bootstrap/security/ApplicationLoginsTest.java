package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LoginResult;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ApplicationLoginsTest {

    private final RecordingLogIn logIn = new RecordingLogIn();
    private final ApplicationLogins logins = new ApplicationLogins(logIn);

    @Test
    void anAdminIsAlsoAnOperator() {
        Authentication admin = logins.authenticate(attempt("admin", "admin", "192.0.2.7"));

        assertThat(admin.isAuthenticated()).isTrue();
        assertThat(admin.getName()).isEqualTo("admin");
        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactlyInAnyOrder("ROLE_ADMIN", "ROLE_OPERATOR");
        assertThat(admin.getCredentials()).as("the password is not kept").isNull();
        assertThat(logIn.addresses).containsExactly("192.0.2.7");
    }

    @Test
    void anOperatorIsOnlyAnOperator() {
        Authentication operator = logins.authenticate(attempt("operator", "operator", "192.0.2.7"));

        assertThat(operator.getAuthorities()).extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_OPERATOR");
    }

    @Test
    void aWrongPasswordIsRefusedWithTheApplicationsMessage() {
        Throwable refused = catchThrowable(() -> logins.authenticate(attempt("admin", "operator", "192.0.2.7")));

        assertThat(refused).isInstanceOf(BadCredentialsException.class).hasMessage(RecordingLogIn.WRONG);
    }

    @Test
    void aLockedUsernameIsRefusedAsLocked() {
        String message = "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password.";
        logIn.refuseAll = new LoginResult.Refused(LoginResult.Reason.LOCKED, message);

        Throwable refused = catchThrowable(() -> logins.authenticate(attempt("admin", "admin", "192.0.2.7")));

        assertThat(refused).isInstanceOf(LockedException.class).hasMessage(message);
    }

    @Test
    void aThrottledAddressIsRefusedWithItsOwnMessage() {
        String message = "Too many login attempts from your address. Wait a few minutes and try again.";
        logIn.refuseAll = new LoginResult.Refused(LoginResult.Reason.THROTTLED, message);

        Throwable refused = catchThrowable(() -> logins.authenticate(attempt("admin", "admin", "192.0.2.7")));

        assertThat(refused).isInstanceOf(LoginThrottledException.class).hasMessage(message);
    }

    @Test
    void aMachinesRequestOnlyChecksTheCredentialsAndSaysWhoAsked() {
        UsernamePasswordAuthenticationToken scrape = UsernamePasswordAuthenticationToken.unauthenticated("admin", "admin");
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        request.setRemoteAddr("192.0.2.9");
        scrape.setDetails(new MachineRequestDetails(request, "Actuator (HTTP Basic)"));

        Authentication admin = logins.authenticate(scrape);

        assertThat(admin.getAuthorities()).extracting(GrantedAuthority::getAuthority).contains("ROLE_ADMIN");
        assertThat(logIn.said).containsExactly("verify admin via Actuator (HTTP Basic)");
        assertThat(logIn.addresses).containsExactly("192.0.2.9");
    }

    @Test
    void aFormLoginIsALogin() {
        logins.authenticate(attempt("operator", "operator", "192.0.2.7"));

        assertThat(logIn.said).containsExactly("logIn operator");
    }

    @Test
    void anEmptyFormIsAnAttemptLikeAnyOther() {
        Throwable refused = catchThrowable(() -> logins.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(null, null)));

        assertThat(refused).isInstanceOf(BadCredentialsException.class);
        assertThat(logIn.addresses).containsExactly("null");
    }

    private static UsernamePasswordAuthenticationToken attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setRemoteAddr(address);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return attempt;
    }
}
