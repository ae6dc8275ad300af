package io.ringside.bootstrap.benchmark;

import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.calls.CallStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Makes calls ring at the simulator's shared line: a new caller every 3–5 s; three in four are
 * answered after 2–6 s and end 5–15 s later, the rest ring 4–10 s and end missed. Each caller has a
 * number of its own, so a list that shows it can be told apart. Remembers when each call started
 * ringing (System.nanoTime, taken before the simulator is told) until someone reports seeing it.
 */
final class CallDriver implements AutoCloseable {

    /** One call under watch. */
    record Rang(String number, long rangAtNanos, boolean measured) {
    }

    /** The first sighting of a measured call: how long after it rang, and whether it was still ringing then. */
    record Seen(long nanosAfterRing, boolean stillRinging) {
    }

    private final SimulatedPlatform platform;
    private final Random random;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "benchmark-call-driver");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Rang> unseen = new ConcurrentHashMap<>();
    private final Map<String, String> callIdByNumber = new ConcurrentHashMap<>();
    private final List<Seen> seen = new ArrayList<>();
    private final int numberBase;
    private int nextNumber;
    private volatile boolean ringing = true;
    private volatile boolean measuring;
    private int measuredCalls;

    CallDriver(SimulatedPlatform platform, Random random, int numberBase) {
        this.platform = platform;
        this.random = random;
        this.numberBase = numberBase;
    }

    void start() {
        timer.schedule(this::ringNext, 500, TimeUnit.MILLISECONDS);
    }

    void measure(boolean on) {
        measuring = on;
    }

    /** No new calls from now on; calls already ringing run their course. */
    void stopRinging() {
        ringing = false;
    }

    /** Whoever looks at a list reports each number in it; the first report of a call counts. */
    void sawNumber(String e164) {
        if (unseen.isEmpty()) {
            return;
        }
        Rang rang = unseen.remove(e164);
        if (rang == null) {
            return;
        }
        long after = System.nanoTime() - rang.rangAtNanos();
        if (!rang.measured()) {
            return;
        }
        boolean stillRinging;
        try {
            stillRinging = platform.call(callIdByNumber.get(e164)).status() == CallStatus.RINGING;
        } catch (RuntimeException gone) {
            stillRinging = false;
        }
        synchronized (seen) {
            seen.add(new Seen(after, stillRinging));
        }
    }

    /** Waits up to {@code millis} for every measured call to have been seen. */
    void awaitMeasuredSeen(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < deadline && measuredUnseen() > 0) {
            Thread.sleep(100);
        }
    }

    synchronized int measuredCalls() {
        return measuredCalls;
    }

    long measuredUnseen() {
        return unseen.values().stream().filter(Rang::measured).count();
    }

    List<Seen> seen() {
        synchronized (seen) {
            return List.copyOf(seen);
        }
    }

    @Override
    public void close() {
        ringing = false;
        timer.shutdownNow();
    }

    private void ringNext() {
        if (!ringing) {
            return;
        }
        try {
            String number;
            boolean measured = measuring;
            synchronized (this) {
                number = "+1602555" + String.format("%04d", numberBase + nextNumber++);
                if (measured) {
                    measuredCalls++;
                }
            }
            unseen.put(number, new Rang(number, System.nanoTime(), measured));
            String id = platform.startRingingCall(number, "Caller " + number.substring(number.length() - 4));
            callIdByNumber.put(number, id);
            if (random.nextInt(4) != 0) {
                long answerAfter = 2000 + random.nextInt(4001);
                long talk = 5000 + random.nextInt(10001);
                timer.schedule(() -> quietly(() -> platform.answer(id)), answerAfter, TimeUnit.MILLISECONDS);
                timer.schedule(() -> quietly(() -> platform.end(id)), answerAfter + talk, TimeUnit.MILLISECONDS);
            } else {
                timer.schedule(() -> quietly(() -> platform.end(id)), 4000 + random.nextInt(6001), TimeUnit.MILLISECONDS);
            }
        } finally {
            timer.schedule(this::ringNext, 3000 + random.nextInt(2001), TimeUnit.MILLISECONDS);
        }
    }

    private static void quietly(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException callAlreadyGone) {
            // The platform was reset under a call of the previous run.
        }
    }
}
