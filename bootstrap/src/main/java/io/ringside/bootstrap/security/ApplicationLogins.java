package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LogIn;
import io.ringside.application.port.in.LoginResult;
import io.ringside.domain.Password;
import io.ringside.domain.Role;
import io.ringside.ui.Roles;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.util.List;
import java.util.Objects;

/**
 * Spring Security's logins go through the application's {@link LogIn} (lockout, throttling, audit). An accepted
 * login becomes a token named by the username with the person's roles (an admin is also an operator); a refusal
 * becomes an {@link AuthenticationException} carrying the application's message, which the login page shows.
 * The client address is the request's remote address (proxy-aware with {@code server.forward-headers-strategy=native}).
 * A request a machine sends ({@link MachineRequestDetails}: a scraper's HTTP Basic) is only a check of the credentials
 * ({@link LogIn#verify}): refused and counted like a login, but a success is neither audited nor a last login.
 */
public final class ApplicationLogins implements AuthenticationProvider {

    private final LogIn logIn;

    public ApplicationLogins(LogIn logIn) {
        this.logIn = Objects.requireNonNull(logIn, "logIn");
    }

    @Override
    public Authentication authenticate(Authentication attempt) throws AuthenticationException {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String raw = attempt.getCredentials() == null ? "" : attempt.getCredentials().toString();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        Password password = new Password(raw);
        LoginResult result = attempt.getDetails() instanceof MachineRequestDetails machine
                ? logIn.verify(username, password, address, machine.via())
                : logIn.logIn(username, password, address);
        return switch (result) {
            case LoginResult.Accepted accepted -> {
                UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.authenticated(
                        accepted.user().username(), null, authorities(accepted.user().role()));
                token.setDetails(attempt.getDetails());
                yield token;
            }
            case LoginResult.Refused refused -> throw switch (refused.reason()) {
                case BAD_CREDENTIALS -> new BadCredentialsException(refused.message());
                case LOCKED -> new LockedException(refused.message());
                case THROTTLED -> new LoginThrottledException(refused.message());
            };
        };
    }

    /** ROLE_ADMIN and ROLE_OPERATOR for an admin (who also takes calls), ROLE_OPERATOR for an operator. */
    static List<GrantedAuthority> authorities(Role role) {
        return role.isAdmin()
                ? List.of(new SimpleGrantedAuthority("ROLE_" + Roles.ADMIN), new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR))
                : List.of(new SimpleGrantedAuthority("ROLE_" + Roles.OPERATOR));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
