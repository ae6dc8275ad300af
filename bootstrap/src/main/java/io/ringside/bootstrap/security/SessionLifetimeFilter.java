package io.ringside.bootstrap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Objects;

/**
 * Keeps each request inside its session's lifetime ({@link OpenSessions}). Sits in the security chains before the
 * security context is read, so:
 * <ol>
 *   <li>a session past its idle or absolute deadline is ended before anything reads its login: the request goes on
 *       as anonymous (a page goes to the login page; Vaadin answers a UIDL message "session expired", and the browser
 *       reloads into the login page) — a poll arriving after the deadline ends the session, it does not prolong it;</li>
 *   <li>otherwise, a request that is the person's input restarts the idle clock ({@link UserInput});</li>
 *   <li>after the request, a session that has just logged in (a login changes the session id) starts its clocks.</li>
 * </ol>
 */
final class SessionLifetimeFilter extends OncePerRequestFilter {

    private final OpenSessions sessions;

    SessionLifetimeFilter(OpenSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest original, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpServletRequest request = UserInput.isUidl(original) ? UserInput.readable(original) : original;
        HttpSession session = request.getSession(false);
        if (session != null && !sessions.endIfOver(session) && UserInput.isInput(request)) {
            sessions.input(session);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            startClocksAfterLogin(request);
        }
    }

    private void startClocksAfterLogin(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        try {
            Authentication login = session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
                    instanceof SecurityContext context ? context.getAuthentication() : null;
            if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
                return;
            }
            boolean known = sessions.life(session)
                    .filter(life -> life.sessionId().equals(session.getId()) && life.username().equals(login.getName()))
                    .isPresent();
            if (!known) {
                sessions.loggedIn(session, login.getName());
            }
        } catch (IllegalStateException invalidated) {
            // logged out or ended during this request: no clocks to start
        }
    }
}
