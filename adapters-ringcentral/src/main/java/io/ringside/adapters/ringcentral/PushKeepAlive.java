package io.ringside.adapters.ringcentral;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.UUID;

/**
 * The keep-alive clock of one push connection: when RingCentral was last heard, when Ringside last sent,
 * and the heartbeat awaiting its answer. A heartbeat is due when nothing was heard for the heartbeat
 * interval, or nothing was sent for half of RingCentral's idle timeout (WSG-902 counts only what the
 * client sends, so a busy line still needs it); an unanswered heartbeat ends the connection.
 *
 * <p>Times are {@link System#nanoTime()} values. Used only on the session's thread.
 */
final class PushKeepAlive {

    /** Logs under the session's name, where operators and tests look for the push client's lines. */
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    /** RingCentral's idle timeout when ConnectionDetails does not say. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofSeconds(1800);

    enum Due {
        /** Nothing to do now. */
        NOTHING,
        /** A heartbeat was just started: send it with {@link #heartbeatId()}. */
        HEARTBEAT,
        /** The heartbeat sent was not answered within the heartbeat timeout. */
        HEARTBEAT_OVERDUE
    }

    private final RingCentralSettings settings;
    private long lastHeardNanos;
    private long lastSentNanos;
    /** Half of RingCentral's idle timeout: a heartbeat then at the latest. */
    private Duration sendAtLeastEvery = DEFAULT_IDLE_TIMEOUT.dividedBy(2);
    private String heartbeatId;
    private long heartbeatSentNanos;

    PushKeepAlive(RingCentralSettings settings) {
        this.settings = settings;
    }

    /** How often to look at the clock: a fifth of the shorter of heartbeat interval and timeout, within 20 ms to 1 s. */
    static Duration tickPeriod(RingCentralSettings settings) {
        long shortest = Math.min(settings.pushHeartbeatInterval().toMillis(), settings.pushHeartbeatTimeout().toMillis());
        return Duration.ofMillis(Math.max(20, Math.min(1000, shortest / 5)));
    }

    /** A socket opened: it counts as heard from and sent to now. */
    void opened(long now) {
        lastHeardNanos = now;
        lastSentNanos = now;
        heartbeatId = null;
    }

    /** RingCentral said something: any heartbeat counts as answered. */
    void heard(long now) {
        lastHeardNanos = now;
        heartbeatId = null;
    }

    void sent(long now) {
        lastSentNanos = now;
    }

    /** RingCentral's idle timeout from ConnectionDetails; 0 or less when it does not say. */
    void idleTimeout(long seconds) {
        sendAtLeastEvery = (seconds > 0 ? Duration.ofSeconds(seconds) : DEFAULT_IDLE_TIMEOUT).dividedBy(2);
    }

    /** The connection is gone, and with it any heartbeat awaiting an answer. */
    void lost() {
        heartbeatId = null;
    }

    /** What the clock asks for now; when a heartbeat is due, it is started here (the caller sends it). */
    Due due(long now) {
        if (heartbeatId != null) {
            return now - heartbeatSentNanos > settings.pushHeartbeatTimeout().toNanos() ? Due.HEARTBEAT_OVERDUE : Due.NOTHING;
        }
        boolean silent = now - lastHeardNanos >= settings.pushHeartbeatInterval().toNanos();
        // A busy line is never silent, but the gateway ends a connection whose client says nothing for its idle timeout.
        boolean quiet = now - lastSentNanos >= sendAtLeastEvery.toNanos();
        if (!silent && !quiet) {
            return Due.NOTHING;
        }
        heartbeatId = UUID.randomUUID().toString();
        heartbeatSentNanos = now;
        log.trace("Sending a heartbeat ({})", silent ? "nothing heard from RingCentral for a while" : "before the idle timeout");
        return Due.HEARTBEAT;
    }

    String heartbeatId() {
        return heartbeatId;
    }
}
