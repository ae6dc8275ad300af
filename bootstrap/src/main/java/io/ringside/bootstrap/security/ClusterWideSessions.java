package io.ringside.bootstrap.security;

import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.SessionEndRequests;
import io.ringside.application.port.out.UserSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Ending a person's sessions on every instance sharing the database ("disabling ends that user's open sessions at
 * once", issue #11, with several instances, issue #12). Each instance holds its own HTTP sessions ({@link OpenSessions}),
 * so {@link #endAll} ends the ones here at once, writes the request to {@link SessionEndRequests} and signals
 * {@link ClusterSignals.Topic#SESSIONS}; every instance ({@link #catchUp()}) reads the requests made since it last
 * looked — on that signal, when its listening (re)starts, and at each minute's sweep in case a signal was lost —
 * and ends that person's sessions that logged in up to the request. A session ends and is audited once: a request
 * read again finds it gone, and a login after the request is left alone.
 * <p>
 * Looking back: each read starts {@link #OVERLAP} before the last one, because a request is stamped by its
 * instance's clock and may commit a moment after it was stamped; reading one twice is harmless. A request is kept
 * for the sessions' maximum age (no session it concerns can outlive that) and purged at the sweep.
 */
public final class ClusterWideSessions implements UserSessions {

    /** How far each read looks back before the previous one: clock skew between instances and commit delay. */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(ClusterWideSessions.class);

    private final OpenSessions here;
    private final SessionEndRequests requests;
    private final ClusterSignals signals;
    private final Clock clock;
    private final Duration kept;
    /** Requests that could not be stored yet: tried again at each catch-up, so the other instances still hear. */
    private final Queue<SessionEndRequests.Request> unsent = new ConcurrentLinkedQueue<>();
    private Instant lookedAt;

    /**
     * @param kept how long a request matters: the sessions' maximum age ({@link SessionSettings#sessionMaxAge()});
     *             an instance also reads this far back when it starts, for sessions that outlived a restart
     */
    public ClusterWideSessions(OpenSessions here, SessionEndRequests requests, ClusterSignals signals, Clock clock,
                               Duration kept) {
        this.here = Objects.requireNonNull(here, "here");
        this.requests = Objects.requireNonNull(requests, "requests");
        this.signals = Objects.requireNonNull(signals, "signals");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.kept = Objects.requireNonNull(kept, "kept");
        this.lookedAt = clock.instant().minus(kept);
    }

    /**
     * Ends {@code username}'s sessions here now and asks every other instance to. If the request cannot be stored
     * (the database is away), the change that asked for it still stands: it is logged and stored at the next try.
     */
    @Override
    public void endAll(String username) {
        Instant at = clock.instant();
        here.endLoggedInBy(username, at);
        SessionEndRequests.Request request = new SessionEndRequests.Request(username, at);
        if (store(request)) {
            signals.signal(ClusterSignals.Topic.SESSIONS);
        } else {
            unsent.add(request);
        }
    }

    /** Listening to the cluster: a SESSIONS signal means new requests. */
    public void signalled(ClusterSignals.Topic topic) {
        if (topic == ClusterSignals.Topic.SESSIONS) {
            catchUp();
        }
    }

    /** Listening (re)started: signals may have been missed meanwhile. */
    public void reconnected() {
        catchUp();
    }

    /** The minute's safety net: stores what could not be stored, catches up and forgets requests that no longer matter. */
    public void sweep() {
        boolean sentAny = false;
        for (SessionEndRequests.Request request; (request = unsent.peek()) != null && store(request); ) {
            unsent.remove();
            sentAny = true;
        }
        if (sentAny) {
            signals.signal(ClusterSignals.Topic.SESSIONS);
        }
        catchUp();
        try {
            requests.purge(clock.instant().minus(kept).minus(OVERLAP));
        } catch (RuntimeException e) {
            LOG.warn("Could not forget old requests to end sessions: {}", e.getMessage());
        }
    }

    /** Ends the sessions here of every request made since the last look. */
    synchronized void catchUp() {
        Instant now = clock.instant();
        for (SessionEndRequests.Request request : requests.since(lookedAt.minus(OVERLAP))) {
            int ended = here.endLoggedInBy(request.username(), request.at());
            if (ended > 0) {
                LOG.info("Ended {} session(s) of {} here, as asked at {}", ended, request.username(), request.at());
            }
        }
        lookedAt = now;
    }

    private boolean store(SessionEndRequests.Request request) {
        try {
            requests.request(request.username(), request.at());
            return true;
        } catch (RuntimeException e) {
            LOG.warn("Could not ask the other instances to end {}'s sessions (ended here; trying again each minute): {}",
                    request.username(), e.getMessage());
            return false;
        }
    }
}
