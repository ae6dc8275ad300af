package io.ringside.simulator.calls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.NoSuchElementException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;

/**
 * Inbound calls arriving by themselves, so a demo's lists move: each call rings for a while, then
 * is answered and later hung up, or rings out (missed), or goes to voicemail. Most ring the
 * connected user's line; some ring colleagues, and reach a client only through the company call log.
 * Runs on real time (a daemon thread); the calls' timestamps come from the simulator's clock.
 */
public final class CallerGenerator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallerGenerator.class);

    private final CallBook book;
    private final Callers callers;
    private final Directory directory;
    private final Clock clock;
    private final RandomGenerator random;
    private ScheduledExecutorService executor;
    private boolean running;
    private Duration meanInterval = Duration.ofSeconds(90);

    public CallerGenerator(CallBook book, Callers callers, Directory directory, Clock clock, RandomGenerator random) {
        this.book = book;
        this.callers = callers;
        this.directory = directory;
        this.clock = clock;
        this.random = random;
    }

    public synchronized boolean isRunning() {
        return running;
    }

    /** Starts the arrivals: about one new inbound call per {@code averageInterval}, at random. */
    public synchronized void start(Duration averageInterval) {
        if (running) {
            return;
        }
        running = true;
        meanInterval = averageInterval;
        scheduleNextCall(executor(), Duration.ofSeconds(3 + random.nextInt(5)));
        log.info("Simulated callers: about one inbound call every {} s", meanInterval.toSeconds());
    }

    /**
     * Lets a ringing call run its course by itself, like a generated one: it rings for a while, then
     * is answered and later hung up, or rings out, or goes to voicemail.
     */
    public synchronized void progress(String callId) {
        scheduleOutcome(executor(), callId);
    }

    /** Invents {@code count} ended calls over the last three hours, so a fresh demo has a history. */
    public void seedHistory(int count) {
        for (int i = 0; i < count; i++) {
            Callers.Caller caller = callers.random(random);
            Duration ringing = Duration.ofSeconds(5 + random.nextInt(20));
            Duration talking = Duration.ofSeconds(30 + random.nextInt(300));
            // Over at least a minute ago, so every history call is already in the call log.
            Duration ago = ringing.plus(talking).plusMinutes(1 + random.nextInt(170));
            CallResult result = pickResult();
            book.addEnded(callers.partyFor(caller.number(), caller.name()), pickExtension(),
                    clock.instant().minus(ago), ringing, talking, result);
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ringcentral-simulator-callers");
                thread.setDaemon(true);
                return thread;
            });
        }
        return executor;
    }

    private void scheduleNextCall(ScheduledExecutorService on, Duration delay) {
        on.schedule(() -> {
            try {
                placeCall(on);
            } catch (RuntimeException e) {
                log.warn("Simulated call failed", e);
            }
            // Exponential gaps: arrivals of independent callers (a Poisson process).
            double gap = -Math.log(1 - random.nextDouble()) * meanInterval.toMillis();
            scheduleNextCall(on, Duration.ofMillis(Math.max(2_000, (long) gap)));
        }, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void placeCall(ScheduledExecutorService on) {
        Callers.Caller caller = callers.random(random);
        SimulatedCall call = book.startRinging(callers.partyFor(caller.number(), caller.name()), pickExtension());
        scheduleOutcome(on, call.id());
    }

    private void scheduleOutcome(ScheduledExecutorService on, String callId) {
        Duration ringing = Duration.ofSeconds(6 + random.nextInt(15));
        CallResult outcome = pickResult();
        on.schedule(() -> quietly(() -> {
            switch (outcome) {
                case ACCEPTED -> {
                    book.answer(callId);
                    on.schedule(() -> quietly(() -> book.end(callId)), 20 + random.nextInt(100), TimeUnit.SECONDS);
                }
                case MISSED -> book.end(callId);
                case VOICEMAIL -> book.sendToVoicemail(callId);
            }
        }), ringing.toMillis(), TimeUnit.MILLISECONDS);
    }

    private CallResult pickResult() {
        int dice = random.nextInt(100);
        return dice < 65 ? CallResult.ACCEPTED : dice < 85 ? CallResult.MISSED : CallResult.VOICEMAIL;
    }

    private Extension pickExtension() {
        // The shared line (the connected user) takes most calls.
        int colleagues = directory.extensions().size() - 1;
        return colleagues == 0 || random.nextInt(100) < 80 ? directory.connectedUser()
                : directory.extensions().get(1 + random.nextInt(colleagues));
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (NoSuchElementException | IllegalStateException callAlreadyGoneOrChanged) {
            // A test or a person ended or reset the call meanwhile: nothing left to do.
        }
    }
}
