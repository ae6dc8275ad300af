package io.ringside.bootstrap.security;

import io.ringside.application.port.in.LogIn;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's logged-in sessions and their lifetimes: each ends after {@link SessionSettings#sessionIdleTimeout()}
 * without user input and {@link SessionSettings#sessionMaxAge()} after its login, and an admin can end a person's
 * sessions at once ({@link #endAll}). Ending a session invalidates the HTTP session (Vaadin closes its UIs; the
 * browser's next request lands on the login page) and is audited through {@link LogIn#sessionEnded} with the reason.
 * A session is audited once: whoever takes it out of the registry first (a request, the sweep, an admin, the
 * container) reports it; a logout takes it out silently, since the logout is audited itself. While one of them ends
 * it, a request in flight cannot put it back and the container's "destroyed" for it stays silent.
 * <p>
 * This registry knows this process's sessions only: to end a person's sessions on every instance, see
 * {@code ClusterWideSessions}, which is the application's {@code UserSessions}.
 * <p>
 * Also the container's session listener: a session the container expires or that is invalidated elsewhere leaves
 * the registry. The container's own timeout is set a little past the idle timeout, so the sweep normally ends an
 * idle session first, with its reason.
 */
public final class OpenSessions implements HttpSessionListener {

    static final String LIFE = SessionLife.class.getName();
    static final String ENDED_BY_ADMIN = "ended by an admin";
    /** The container's timeout: a backstop behind the sweep, never before it. */
    private static final Duration CONTAINER_GRACE = Duration.ofMinutes(2);
    private static final Logger LOG = LoggerFactory.getLogger(OpenSessions.class);

    private final LogIn logIn;
    private final SessionSettings settings;
    private final Clock clock;
    private final Set<HttpSession> open = ConcurrentHashMap.newKeySet();
    /** The ids of the sessions being ended right now, with how many threads are at it. */
    private final Map<String, Integer> ending = new ConcurrentHashMap<>();
    private final List<Runnable> alsoOnSweep = new CopyOnWriteArrayList<>();

    public OpenSessions(LogIn logIn, SessionSettings settings, Clock clock) {
        this.logIn = Objects.requireNonNull(logIn, "logIn");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** {@code username} has just logged in with {@code session}: its clocks start now. */
    void loggedIn(HttpSession session, String username) {
        session.setAttribute(LIFE, SessionLife.loggedIn(session.getId(), username, clock.instant()));
        session.setMaxInactiveInterval((int) settings.sessionIdleTimeout().plus(CONTAINER_GRACE).toSeconds());
        open.add(session);
    }

    /** The life of a logged-in session, if it is one (and registered: a session that outlived a restart is adopted). */
    Optional<SessionLife> life(HttpSession session) {
        try {
            if (session.getAttribute(LIFE) instanceof SessionLife life) {
                if (!ending.containsKey(session.getId())) {
                    open.add(session);
                }
                return Optional.of(life);
            }
        } catch (IllegalStateException invalidated) {
            open.remove(session);
        }
        return Optional.empty();
    }

    /** The person did something (a click, typing, a page load): the idle clock starts again. */
    void input(HttpSession session) {
        life(session).ifPresent(life -> {
            try {
                session.setAttribute(LIFE, life.input(clock.instant()));
            } catch (IllegalStateException invalidated) {
                open.remove(session);
            }
        });
    }

    /** Ends {@code session} if it has been idle or open too long; returns whether it did. */
    boolean endIfOver(HttpSession session) {
        Instant now = clock.instant();
        return life(session)
                .flatMap(life -> life.endReason(now, settings).map(why -> end(session, life, why)))
                .orElse(false);
    }

    /** Also runs {@code work} at each {@link #sweep()}, first (a safety net that belongs to the same minute). */
    public void alsoOnSweep(Runnable work) {
        alsoOnSweep.add(Objects.requireNonNull(work, "work"));
    }

    /** Ends every session that is over its time; run every minute so a session nobody touches does not linger. */
    public void sweep() {
        for (Runnable work : alsoOnSweep) {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.warn("A task of the session sweep failed", e);
            }
        }
        for (HttpSession session : open) {
            try {
                endIfOver(session);
            } catch (RuntimeException e) {
                LOG.warn("Could not check a session's lifetime", e);
            }
        }
    }

    /** A logout is about to invalidate {@code session}: it leaves quietly (the logout is audited on its own). */
    void loggingOut(HttpSession session) {
        open.remove(session);
    }

    /** Ends every session {@code username} has open here now (an admin's doing). */
    public void endAll(String username) {
        endLoggedInBy(username, Instant.MAX);
    }

    /**
     * Ends the sessions {@code username} has open here that logged in at or before {@code upTo} (an admin's doing,
     * perhaps on another instance): a login after the request is not touched, so a request read twice is harmless.
     * Returns how many it ended.
     */
    public int endLoggedInBy(String username, Instant upTo) {
        int ended = 0;
        for (HttpSession session : open) {
            Optional<SessionLife> found = registeredLife(session);
            if (found.isPresent() && sameUser(found.get().username(), username)
                    && !found.get().loggedInAt().isAfter(upTo) && end(session, found.get(), ENDED_BY_ADMIN)) {
                ended++;
            }
        }
        return ended;
    }

    /** How many sessions {@code username} has open now. */
    public long countOpen(String username) {
        return open.stream().flatMap(session -> life(session).stream()).filter(life -> sameUser(life.username(), username)).count();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        if (!open.remove(session) || ending.containsKey(session.getId())) {
            return; // gone already, or being ended by someone who reports it
        }
        try {
            if (session.getAttribute(LIFE) instanceof SessionLife life) {
                logIn.sessionEnded(life.username(), life.endReason(clock.instant(), settings).orElse("expired"));
            }
        } catch (IllegalStateException alreadyInvalid) {
            // nothing left to read: the session went without a word
        }
    }

    private boolean end(HttpSession session, SessionLife life, String why) {
        String id = idOf(session, life);
        ending.merge(id, 1, Integer::sum);
        try {
            if (!open.remove(session)) {
                return false;
            }
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalid) {
                // ended meanwhile; it is still over for this person
            }
            logIn.sessionEnded(life.username(), why);
            return true;
        } finally {
            ending.computeIfPresent(id, (key, count) -> count == 1 ? null : count - 1);
        }
    }

    private static String idOf(HttpSession session, SessionLife life) {
        try {
            return session.getId();
        } catch (IllegalStateException invalidated) {
            return life.sessionId();
        }
    }

    /** The life of a session of the registry, without adopting it again (it may be being ended right now). */
    private static Optional<SessionLife> registeredLife(HttpSession session) {
        try {
            return session.getAttribute(LIFE) instanceof SessionLife life ? Optional.of(life) : Optional.empty();
        } catch (IllegalStateException invalidated) {
            return Optional.empty();
        }
    }

    private static boolean sameUser(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
