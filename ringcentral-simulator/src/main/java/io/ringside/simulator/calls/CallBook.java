package io.ringside.simulator.calls;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * Every call the simulated company has had, live or ended. The two views RingCentral gives of them
 * live here: the live calls (presence, active calls) and the call log, which shows a call only
 * once it has ended and the platform's processing delay has passed.
 */
public final class CallBook {

    /** Newest first, as RingCentral orders call logs and active calls. */
    public static final Comparator<SimulatedCall> NEWEST_FIRST =
            Comparator.comparing(SimulatedCall::startTime).reversed().thenComparing(SimulatedCall::id);

    private final Map<String, SimulatedCall> calls = new ConcurrentHashMap<>();
    private final Clock clock;
    private final IdGenerator ids;
    private final List<Consumer<CallChange>> listeners = new CopyOnWriteArrayList<>();

    public CallBook(Clock clock, IdGenerator ids) {
        this.clock = clock;
        this.ids = ids;
    }

    /**
     * Hears every live step (ringing, answered, hold, ended, voicemail), in the order the steps happened;
     * history added with {@link #addEnded} is not a step. Listeners run on the caller's thread, under the
     * book's lock, so they must only hand the change on (never block or call back into the book's steps).
     */
    public void addListener(Consumer<CallChange> listener) {
        listeners.add(listener);
    }

    public SimulatedCall startRinging(Party from, Extension extension) {
        synchronized (listeners) {
            SimulatedCall call = new SimulatedCall(ids.callLogId(), ids.sessionId(), ids.telephonySessionId(), from,
                    Party.companyLine(extension), extension, clock.instant(), null, null, CallStatus.RINGING, null);
            calls.put(call.id(), call);
            publish(new CallChange(null, call, call.startTime()));
            return call;
        }
    }

    /** Records a call that already happened (demo history). */
    public SimulatedCall addEnded(Party from, Extension extension, Instant start, Duration ringing, Duration talking,
                                  CallResult result) {
        Instant answered = result == CallResult.ACCEPTED ? start.plus(ringing) : null;
        Instant end = start.plus(ringing).plus(result == CallResult.ACCEPTED ? talking : Duration.ZERO);
        SimulatedCall call = new SimulatedCall(ids.callLogId(), ids.sessionId(), ids.telephonySessionId(), from,
                Party.companyLine(extension), extension, start, answered, end, CallStatus.ENDED, result);
        calls.put(call.id(), call);
        return call;
    }

    public SimulatedCall answer(String id) {
        return change(id, c -> c.answered(clock.instant()));
    }

    public SimulatedCall hold(String id) {
        return change(id, SimulatedCall::onHold);
    }

    public SimulatedCall end(String id) {
        return change(id, c -> c.ended(clock.instant()));
    }

    public SimulatedCall sendToVoicemail(String id) {
        return change(id, c -> c.toVoicemail(clock.instant()));
    }

    public SimulatedCall get(String id) {
        SimulatedCall call = calls.get(id);
        if (call == null) {
            throw new NoSuchElementException("no call " + id);
        }
        return call;
    }

    public List<SimulatedCall> all() {
        return calls.values().stream().sorted(NEWEST_FIRST).toList();
    }

    public List<SimulatedCall> live() {
        return calls.values().stream().filter(SimulatedCall::isLive).sorted(NEWEST_FIRST).toList();
    }

    /** The calls the call log shows now: ended at least {@code delay} ago. */
    public List<SimulatedCall> logged(Duration delay) {
        Instant now = clock.instant();
        return calls.values().stream()
                .filter(c -> !c.isLive() && !c.endedAt().plus(delay).isAfter(now))
                .sorted(NEWEST_FIRST)
                .toList();
    }

    public void clear() {
        calls.clear();
    }

    private SimulatedCall change(String id, UnaryOperator<SimulatedCall> transition) {
        // One lock for step and report: listeners see the steps in the order they happened.
        synchronized (listeners) {
            SimulatedCall before = calls.get(id);
            if (before == null) {
                throw new NoSuchElementException("no call " + id);
            }
            SimulatedCall changed = transition.apply(before);
            calls.put(id, changed);
            publish(new CallChange(before, changed, clock.instant()));
            return changed;
        }
    }

    private void publish(CallChange change) {
        for (Consumer<CallChange> listener : listeners) {
            listener.accept(change);
        }
    }
}
