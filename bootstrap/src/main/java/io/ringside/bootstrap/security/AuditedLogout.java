package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LogIn;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.logout.LogoutHandler;

import java.util.Objects;

/**
 * A logout is audited ({@link LogIn#loggedOut}) and its session leaves {@link OpenSessions} quietly. Runs among
 * Spring Security's logout handlers, before the one that invalidates the session; Vaadin's
 * {@code AuthenticationContext.logout()} runs the same handlers.
 */
final class AuditedLogout implements LogoutHandler {

    private final LogIn logIn;
    private final OpenSessions sessions;

    AuditedLogout(LogIn logIn, OpenSessions sessions) {
        this.logIn = Objects.requireNonNull(logIn, "logIn");
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            sessions.loggingOut(session);
        }
        if (authentication != null && authentication.isAuthenticated()) {
            logIn.loggedOut(authentication.getName(), request.getRemoteAddr());
        }
    }
}
