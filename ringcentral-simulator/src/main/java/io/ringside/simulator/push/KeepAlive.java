package io.ringside.simulator.push;

import io.ringside.simulator.settings.LiveSettings;
import io.ringside.simulator.settings.SimulatorSettings;

import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive and RingCentral's timeouts: a timer thread ticks every 100 ms; each check closes sockets past
 * their absolute or idle timeout, pings the others and drops those that miss a pong. The timer and the
 * checks run under the hub's lock.
 */
final class KeepAlive {

    private static final long TICK_MILLIS = 100;

    private final LiveSettings settings;
    private final Connections connections;
    private ScheduledExecutorService timer;

    KeepAlive(LiveSettings settings, Connections connections) {
        this.settings = settings;
        this.connections = connections;
    }

    /** Starts the timer thread (once) that runs {@code tick} every 100 ms. */
    void ensureStarted(Runnable tick) {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ringcentral-simulator-push");
                thread.setDaemon(true);
                return thread;
            });
            timer.scheduleWithFixedDelay(tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    /** One tick: expires sessions gone too long, then times out, pings or drops each open socket. */
    void check(Instant now, long nanos) {
        SimulatorSettings.Push push = settings.current().push();
        connections.expireDetached(now);
        for (LiveSocket live : connections.lives()) {
            if (!now.isBefore(live.openedAt.plus(push.absoluteTimeout()))) {
                timeout(live, "WSG-903", "Absolute timeout expired");
            } else if (!now.isBefore(live.lastClientMessageAt.plus(push.idleTimeout()))) {
                timeout(live, "WSG-902", "Idle timeout expired");
            } else if (live.awaitingPong) {
                if (nanos - live.lastPingNanos >= push.pongTimeout().toNanos()) {
                    connections.drop(live);
                    live.socket.close(1001, "No pong within " + push.pongTimeout().toSeconds() + " s");
                }
            } else if (nanos - live.lastPingNanos >= push.pingInterval().toNanos()) {
                live.lastPingNanos = nanos;
                live.awaitingPong = true;
                try {
                    live.socket.ping();
                } catch (IOException | RuntimeException e) {
                    connections.drop(live);
                    live.socket.abort();
                }
            }
        }
    }

    /** RingCentral's timeouts: an Error message with the code, then the socket closes; the session may recover. */
    private void timeout(LiveSocket live, String errorCode, String message) {
        Frames.trySend(live.socket, Wire.frame(new Wire.Meta(Wire.ERROR, Frames.newId(), null, null,
                Frames.headers()), Wire.ErrorBody.of(errorCode, message)));
        connections.drop(live);
        live.socket.close(1000, message);
    }
}
