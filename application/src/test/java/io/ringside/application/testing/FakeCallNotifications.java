package io.ringside.application.testing;

import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.NotificationListener;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.application.port.out.RingCentralUsage;
import io.ringside.domain.AccessToken;
import io.ringside.domain.CallEvent;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * RingCentral push as the application sees it, driven by the test: it records sessions opened and
 * closed, and plays the session's side (subscribed, events, drops, recoveries, stops) on the test's thread.
 */
public class FakeCallNotifications implements CallNotifications, RingCentralUsage {

    public final AtomicInteger opened = new AtomicInteger();
    public final AtomicInteger closed = new AtomicInteger();
    private volatile NotificationListener listener;
    private volatile AccessTokens tokens;
    private volatile boolean open;

    @Override
    public NotificationSession open(AccessTokens accessTokens, NotificationListener sessionListener) {
        opened.incrementAndGet();
        tokens = accessTokens;
        listener = sessionListener;
        open = true;
        return () -> {
            open = false;
            closed.incrementAndGet();
        };
    }

    public boolean isOpen() {
        return open;
    }

    /** The token the session would take now, as the adapter asks for it. */
    public Optional<AccessToken> tokenNow() {
        return tokens.current();
    }

    public void subscribed() {
        listener.onSubscribed(NotificationScope.COMPANY, null);
    }

    public void subscribedToConnectedExtensionOnly(String why) {
        listener.onSubscribed(NotificationScope.CONNECTED_EXTENSION, why);
    }

    public void push(CallEvent event) {
        listener.onCallEvent(event);
    }

    public void drop(String reason) {
        listener.onDown(reason);
    }

    public void recovered() {
        listener.onRecovered();
    }

    public void stop(String reason) {
        open = false;
        listener.onStopped(reason);
    }

    @Override
    public List<GroupUsage> usage() {
        return List.of(new GroupUsage("Heavy", 10, 1, null, null), new GroupUsage("Medium", 40, 1, null, null));
    }
}
