package io.ringside.simulator.push;

import io.ringside.simulator.settings.LiveSettings;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's sessions (by {@code wsc} token) and open sockets (by socket id): how they attach, detach,
 * expire, drop and are written to. Guarded by the hub's lock.
 */
final class Connections {

    private final LiveSettings settings;
    private final Clock clock;
    private final PushCounters counters;
    private final SecureRandom random = new SecureRandom();

    private final Map<String, WscSession> sessions = new HashMap<>();
    private final Map<String, LiveSocket> lives = new LinkedHashMap<>();

    Connections(LiveSettings settings, Clock clock, PushCounters counters) {
        this.settings = settings;
        this.clock = clock;
        this.counters = counters;
    }

    // ---- sockets --------------------------------------------------------------------------------------

    LiveSocket live(PushSocket socket) {
        return lives.get(socket.id());
    }

    void add(LiveSocket live) {
        lives.put(live.socket.id(), live);
    }

    /** Forgets the socket (without detaching its session); null when it was not open. */
    LiveSocket remove(PushSocket socket) {
        return lives.remove(socket.id());
    }

    /** The open sockets now, oldest first (a copy). */
    List<LiveSocket> lives() {
        return new ArrayList<>(lives.values());
    }

    /** Forgets every socket (without detaching) and returns them, oldest first. */
    List<LiveSocket> removeAll() {
        List<LiveSocket> all = new ArrayList<>(lives.values());
        lives.clear();
        return all;
    }

    int liveCount() {
        return lives.size();
    }

    /** The socket is done: forgotten, and its session waits for recovery. */
    void drop(LiveSocket live) {
        lives.remove(live.socket.id());
        detach(live);
    }

    /** Writes to a live socket; a failed write is a dropped connection. */
    boolean write(LiveSocket live, String json) {
        try {
            live.socket.send(json);
            return true;
        } catch (IOException | RuntimeException e) {
            drop(live);
            live.socket.abort();
            return false;
        }
    }

    // ---- sessions -------------------------------------------------------------------------------------

    WscSession session(String token) {
        return sessions.get(token);
    }

    /** The sessions now (a copy). */
    List<WscSession> sessions() {
        return new ArrayList<>(sessions.values());
    }

    boolean noSessions() {
        return sessions.isEmpty();
    }

    WscSession newSession(WsTokens.Grant grant) {
        byte[] raw = new byte[48];
        random.nextBytes(raw);
        WscSession session = new WscSession(Base64.getUrlEncoder().withoutPadding().encodeToString(raw), grant);
        sessions.put(session.token, session);
        return session;
    }

    /** The session is replaced: its buffer is lost and its socket, if any, closes. */
    void forget(WscSession session) {
        sessions.remove(session.token);
        counters.notificationsLost += session.buffer.size();
        session.buffer.clear();
        if (session.live != null) {
            lives.remove(session.live.socket.id());
            session.live.socket.close(1000, "Session replaced");
            session.live = null;
        }
    }

    static void attach(LiveSocket live, WscSession session) {
        live.session = session;
        session.live = live;
        session.droppedAt = null;
    }

    void detach(LiveSocket live) {
        WscSession session = live.session;
        if (session != null && session.live == live) {
            session.live = null;
            session.droppedAt = clock.instant();
        }
    }

    /** Forgets sessions whose socket has been gone for {@code recoveryTimeout}; their buffers are lost. */
    void expireDetached(Instant now) {
        Duration recovery = settings.current().push().recoveryTimeout();
        sessions.values().removeIf(session -> {
            boolean expired = session.live == null && session.droppedAt != null
                    && !now.isBefore(session.droppedAt.plus(recovery));
            if (expired) {
                counters.notificationsLost += session.buffer.size();
            }
            return expired;
        });
    }

    void clearSessions() {
        sessions.clear();
    }
}
