package io.ringside.bootstrap.security;

import org.springframework.context.SmartLifecycle;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Ends sessions nobody touches: every minute, {@link OpenSessions#sweep()}. A browser left open on a page that polls
 * is ended here, on time, since its polls never count as input.
 */
final class SessionSweep implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofMinutes(1);

    private final OpenSessions sessions;
    private ScheduledExecutorService timer;

    SessionSweep(OpenSessions sessions) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
    }

    @Override
    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("ringside-session-sweep").daemon().factory());
        timer.scheduleWithFixedDelay(sessions::sweep, INTERVAL.toSeconds(), INTERVAL.toSeconds(), TimeUnit.SECONDS);
    }

    @Override
    public synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return timer != null;
    }
}
