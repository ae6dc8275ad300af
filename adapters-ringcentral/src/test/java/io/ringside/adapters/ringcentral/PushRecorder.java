package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * A push listener that writes down each call as one line ("subscribed COMPANY", "event s-1 #5 p-1
 * PROCEEDING", "down …", "recovered", "stopped …") with the thread it came on, and fake access tokens.
 */
final class PushRecorder implements NotificationListener {

    final List<String> lines = new CopyOnWriteArrayList<>();
    final List<CallEvent> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    final List<String> limitations = new CopyOnWriteArrayList<>();
    /** Set by the test once close() returned: any call after it is a failure. */
    final AtomicBoolean closed = new AtomicBoolean();
    final AtomicInteger callsAfterClose = new AtomicInteger();
    private final AtomicInteger inCall = new AtomicInteger();
    final AtomicInteger overlapping = new AtomicInteger();
    /** Runs on the session's thread inside onDown, before the session reconnects. */
    volatile Consumer<String> whenDown = reason -> {
    };

    @Override
    public void onCallEvent(CallEvent event) {
        record(() -> {
            events.add(event);
            return "event " + event.telephonySessionId() + " #" + event.sequence() + " " + event.partyId() + " " + event.status();
        });
    }

    @Override
    public void onSubscribed(NotificationScope scope, String limitation) {
        record(() -> {
            limitations.add(String.valueOf(limitation));
            return "subscribed " + scope + (limitation == null ? "" : " (limited)");
        });
    }

    @Override
    public void onRecovered() {
        record(() -> "recovered");
    }

    @Override
    public void onDown(String reason) {
        record(() -> {
            whenDown.accept(reason);
            return "down " + reason;
        });
    }

    @Override
    public void onStopped(String reason) {
        record(() -> "stopped " + reason);
    }

    private void record(Supplier<String> line) {
        if (inCall.incrementAndGet() > 1) {
            overlapping.incrementAndGet();
        }
        try {
            if (closed.get()) {
                callsAfterClose.incrementAndGet();
            }
            threads.add(Thread.currentThread().getName());
            lines.add(line.get());
        } finally {
            inCall.decrementAndGet();
        }
    }

    /** Waits until some line matches; fails with every line seen otherwise. */
    String await(Predicate<String> wanted, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : lines) {
                if (wanted.test(line)) {
                    return line;
                }
            }
            sleep(10);
        }
        throw new AssertionError("no such listener call within " + timeout + "; calls were: " + lines);
    }

    String await(String prefix) {
        return await(line -> line.startsWith(prefix), Duration.ofSeconds(15));
    }

    long count(String prefix) {
        return lines.stream().filter(line -> line.startsWith(prefix)).count();
    }

    List<String> linesStartingWith(String prefix) {
        List<String> matching = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                matching.add(line);
            }
        }
        return matching;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** Waits until the condition holds. */
    static void eventually(Supplier<Boolean> condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.get()) {
                return;
            }
            sleep(10);
        }
        throw new AssertionError("not within " + timeout + ": " + what);
    }

    /** Tokens as the application hands them out: a current one, and what a 401 turns it into. */
    static final class Tokens implements AccessTokens {

        volatile Supplier<Optional<AccessToken>> current;
        volatile Supplier<Optional<AccessToken>> replacement = Optional::empty;
        final List<AccessToken> rejected = new CopyOnWriteArrayList<>();
        final AtomicInteger currentCalls = new AtomicInteger();

        Tokens(AccessToken token) {
            this.current = () -> Optional.of(token);
        }

        @Override
        public Optional<AccessToken> current() {
            currentCalls.incrementAndGet();
            return current.get();
        }

        @Override
        public Optional<AccessToken> replaceRejected(AccessToken token) {
            rejected.add(token);
            Optional<AccessToken> replaced = replacement.get();
            // As the application does: the refreshed token is the current one from now on.
            replaced.ifPresent(fresh -> current = () -> Optional.of(fresh));
            return replaced;
        }
    }
}
