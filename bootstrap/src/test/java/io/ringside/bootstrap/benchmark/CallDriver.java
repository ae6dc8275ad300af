package io.ringside.bootstrap.benchmark;

import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.RecentCaller;
import io.ringside.simulator.SimulatedPlatform;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Makes calls ring at the simulator's extensions in turn, 101 (the connected user), 102, 103: a new
 * caller every 1.5–2.5 s; three in four are answered after 2–6 s and end 5–15 s later, the rest ring
 * 4–10 s and end missed. Each caller has a number of its own, so a list that shows it can be told apart.
 *
 * <p>Remembers when each call started ringing (System.nanoTime, taken before the simulator is told) and,
 * per watching view, when that view first received a list containing it: ring-to-visible at a view.
 * Whether a call was still ringing at its first sighting is the driver's own truth (it is the one that
 * answers or ends the call, and marks it before telling the simulator).
 */
final class CallDriver implements AutoCloseable {

    /** The connected user's extension, whose calls presence shows. */
    static final String CONNECTED_EXTENSION = "101";
    static final List<String> EXTENSIONS = List.of(CONNECTED_EXTENSION, "102", "103");

    /** One call the driver rang. */
    static final class Call {
        final String number;
        final String extension;
        final long rangAtNanos;
        final boolean measured;
        /** Per view: nanoseconds from ring to the first list containing the call; 0 while unseen. */
        final AtomicLongArray seenAfter;
        private final AtomicBoolean firstSighting = new AtomicBoolean();
        volatile boolean ringing = true;
        volatile long endedAtNanos;
        volatile boolean ringingWhenFirstSeen;

        Call(String number, String extension, long rangAtNanos, boolean measured, int views) {
            this.number = number;
            this.extension = extension;
            this.rangAtNanos = rangAtNanos;
            this.measured = measured;
            this.seenAfter = new AtomicLongArray(views);
        }

        boolean atConnectedExtension() {
            return CONNECTED_EXTENSION.equals(extension);
        }

        boolean seenByAnyView() {
            return firstSighting.get();
        }

        boolean seenByEveryView() {
            for (int i = 0; i < seenAfter.length(); i++) {
                if (seenAfter.get(i) == 0) {
                    return false;
                }
            }
            return true;
        }

        boolean ended() {
            return endedAtNanos != 0;
        }
    }

    private final SimulatedPlatform platform;
    private final Random random;
    private final int views;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "benchmark-call-driver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Call> byNumber = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Call> rung = new ConcurrentLinkedQueue<>();
    private final int numberBase;
    private int nextNumber;
    private volatile boolean ringingOn = true;
    private volatile boolean measuring;

    CallDriver(SimulatedPlatform platform, Random random, int numberBase, int views) {
        this.platform = platform;
        this.random = random;
        this.numberBase = numberBase;
        this.views = views;
    }

    void start() {
        timer.schedule(this::ringNext, 200, TimeUnit.MILLISECONDS);
    }

    /** Calls rung while on are the measured ones. */
    void measure(boolean on) {
        measuring = on;
    }

    /** No new calls from now on; calls already ringing run their course. */
    void stopRinging() {
        ringingOn = false;
    }

    /** A watching view ({@code view} in 0..views-1) received a list. Cheap: it runs on the publishing thread. */
    void received(int view, RecentCallersResult list) {
        long now = System.nanoTime();
        for (RecentCaller caller : list.callers()) {
            Call call = byNumber.get(caller.caller().number().e164());
            if (call == null || call.seenAfter.get(view) != 0) {
                continue;
            }
            if (call.seenAfter.compareAndSet(view, 0, Math.max(1, now - call.rangAtNanos))
                    && call.firstSighting.compareAndSet(false, true)) {
                call.ringingWhenFirstSeen = call.ringing;
            }
        }
    }

    List<Call> measuredCalls() {
        List<Call> measured = new ArrayList<>();
        for (Call call : rung) {
            if (call.measured) {
                measured.add(call);
            }
        }
        return measured;
    }

    /**
     * Waits until every measured call was seen by every view, or until every measured call has ended and
     * {@code afterLastEndMillis} have passed since the last one did (time enough for a call-log read to
     * find it), or {@code maxMillis}, whichever comes first.
     */
    void drain(long afterLastEndMillis, long maxMillis) throws InterruptedException {
        long start = System.nanoTime();
        while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(maxMillis)) {
            Collection<Call> measured = measuredCalls();
            if (measured.stream().allMatch(Call::seenByEveryView)) {
                return;
            }
            if (measured.stream().allMatch(Call::ended)) {
                long lastEnd = measured.stream().mapToLong(c -> c.endedAtNanos).max().orElse(start);
                if (System.nanoTime() - lastEnd >= TimeUnit.MILLISECONDS.toNanos(afterLastEndMillis)) {
                    return;
                }
            }
            Thread.sleep(100);
        }
    }

    @Override
    public void close() {
        ringingOn = false;
        timer.shutdownNow();
    }

    private void ringNext() {
        if (!ringingOn) {
            return;
        }
        try {
            int n = nextNumber++;
            String number = "+1602555" + String.format("%04d", numberBase + n);
            String extension = EXTENSIONS.get(n % EXTENSIONS.size());
            Call call = new Call(number, extension, System.nanoTime(), measuring, views);
            byNumber.put(number, call);
            rung.add(call);
            String id = platform.startRingingCall(number, "Caller " + number.substring(number.length() - 4), extension);
            if (random.nextInt(4) != 0) {
                long answerAfter = 2000 + random.nextInt(4001);
                long talk = 5000 + random.nextInt(10001);
                timer.schedule(() -> {
                    call.ringing = false;
                    quietly(() -> platform.answer(id));
                }, answerAfter, TimeUnit.MILLISECONDS);
                timer.schedule(() -> end(call, id), answerAfter + talk, TimeUnit.MILLISECONDS);
            } else {
                timer.schedule(() -> end(call, id), 4000 + random.nextInt(6001), TimeUnit.MILLISECONDS);
            }
        } finally {
            timer.schedule(this::ringNext, 1500 + random.nextInt(1001), TimeUnit.MILLISECONDS);
        }
    }

    private void end(Call call, String id) {
        call.ringing = false;
        quietly(() -> platform.end(id));
        call.endedAtNanos = System.nanoTime();
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException callAlreadyGone) {
            // The platform was reset under a call of the previous run.
        }
    }
}
