package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.AccessTokens;
import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.NotificationListener;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.DoubleSupplier;

/**
 * RingCentral's push notifications over its WebSocket gateway (see {@link PushSession} for the protocol
 * and what happens on each failure). Shares the adapter's HTTP client, circuit breaker and rate budget.
 */
final class RingCentralPushClient implements CallNotifications {

    private final RingCentralSettings settings;
    private final RingCentralTransport transport;
    private final RateLimits rateLimits;
    private final PushEvents events;
    private final Clock clock;
    private final DoubleSupplier random;
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private final AtomicInteger sessionNumbers = new AtomicInteger();
    private final Set<PushSession> open = ConcurrentHashMap.newKeySet();

    RingCentralPushClient(RingCentralSettings settings, RingCentralTransport transport, RateLimits rateLimits,
                          PhoneNumbers phoneNumbers, Clock clock) {
        this(settings, transport, rateLimits, phoneNumbers, clock, () -> ThreadLocalRandom.current().nextDouble());
    }

    RingCentralPushClient(RingCentralSettings settings, RingCentralTransport transport, RateLimits rateLimits,
                          PhoneNumbers phoneNumbers, Clock clock, DoubleSupplier random) {
        this.settings = settings;
        this.transport = transport;
        this.rateLimits = rateLimits;
        this.events = new PushEvents(phoneNumbers);
        this.clock = clock;
        this.random = random;
    }

    @Override
    public NotificationSession open(AccessTokens tokens, NotificationListener listener) {
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(listener, "listener");
        PushBackoff backoff = new PushBackoff(settings.pushReconnectInitialBackoff(), settings.pushReconnectMaxBackoff(), random);
        PushSession[] self = new PushSession[1];
        PushSession session = new PushSession(sessionNumbers.incrementAndGet(), settings, transport, rateLimits, events, clock, json,
                backoff, tokens, listener, () -> open.remove(self[0]));
        self[0] = session;
        open.add(session);
        // No listener call can start before open() returned: each takes the same gate.
        synchronized (session.gate) {
            session.start();
        }
        return session;
    }

    /** Closes every session still open (the adapter is shutting down). */
    void closeAll() {
        for (PushSession session : List.copyOf(open)) {
            session.close();
        }
    }
}
