package io.ringside.adapters.ringcentral;

import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.ExtensionDirectory;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralCalls;

import java.time.Clock;
import java.util.Objects;

/**
 * The RingCentral adapter, assembled: its ports share one HTTP client, one circuit breaker and one
 * rate budget per group (RingCentral counts per user and app, not per port). Bootstrap makes one
 * per process and closes it on shutdown.
 *
 * <pre>{@code
 * @Bean(destroyMethod = "close") RingCentralAdapter ringCentral(RingCentralSettings settings, Clock clock) {
 *     return RingCentralAdapter.create(settings, "US", clock);
 * }
 * @Bean RingCentralAuthorization ringCentralAuthorization(RingCentralAdapter rc) { return rc.authorization(); }
 * @Bean RingCentralCalls ringCentralCalls(RingCentralAdapter rc) { return rc.calls(); }
 * @Bean CallNotifications callNotifications(RingCentralAdapter rc) { return rc.notifications(); }
 * @Bean ExtensionDirectory extensionDirectory(RingCentralAdapter rc) { return rc.extensions(); }
 * }</pre>
 */
public final class RingCentralAdapter implements AutoCloseable {

    private final RingCentralSettings settings;
    private final RateLimits rateLimits;
    private final RingCentralTransport transport;
    private final PhoneNumbers phoneNumbers;
    private final RingCentralAuthorization authorization;
    private final RingCentralCalls calls;
    private final ExtensionDirectory extensions;
    private final RingCentralPushClient notifications;

    private RingCentralAdapter(RingCentralSettings settings, String phoneRegion, Clock clock) {
        this.settings = settings;
        this.rateLimits = new RateLimits(settings, clock);
        this.transport = new RingCentralTransport(settings, clock, rateLimits);
        this.phoneNumbers = new PhoneNumbers(phoneRegion);
        this.authorization = new RingCentralOAuthClient(settings, transport, clock);
        this.calls = new RingCentralCallsClient(settings, transport, phoneNumbers, clock);
        this.extensions = new RingCentralExtensionDirectory(settings, transport);
        this.notifications = new RingCentralPushClient(settings, transport, rateLimits, phoneNumbers, clock);
    }

    /**
     * @param phoneRegion the home region numbers without a country code belong to, e.g. {@code US}
     *                    (Ringside's {@code ringside.phone.default-region}, shared with the console:
     *                    not a RingCentral setting, so not in {@link RingCentralSettings})
     */
    public static RingCentralAdapter create(RingCentralSettings settings, String phoneRegion, Clock clock) {
        return new RingCentralAdapter(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(phoneRegion, "phoneRegion"),
                Objects.requireNonNull(clock, "clock"));
    }

    public RingCentralAuthorization authorization() {
        return authorization;
    }

    public RingCentralCalls calls() {
        return calls;
    }

    /**
     * The account's enabled user extensions (one Medium request per 1000; the app needs ReadAccounts), so an
     * admin can link a person to their extension.
     */
    public ExtensionDirectory extensions() {
        return extensions;
    }

    /**
     * RingCentral's push notifications of calls over its WebSocket gateway. With
     * {@code ringcentral.push-enabled=false} a session stops at once, saying so through {@code onStopped}.
     */
    public CallNotifications notifications() {
        return notifications;
    }

    /** The number rules the adapter uses, with the configured default region. */
    public PhoneNumbers phoneNumbers() {
        return phoneNumbers;
    }

    /** Per-group request budget: sent in the last window, and until when a group is blocked and why. */
    public RateLimitState rateLimitState() {
        return rateLimits.snapshot();
    }

    /** True while the circuit breaker keeps requests from a RingCentral that failed repeatedly. */
    public boolean isPausedAfterFailures() {
        return transport.circuitState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN;
    }

    /**
     * From now on, tells {@code observer} of every request try: its rate-limit group and how it ended
     * (requests over the push WebSocket are not HTTP requests and are not reported).
     */
    public void observeRequests(RingCentralRequestObserver observer) {
        transport.observeRequests(observer);
    }

    public RingCentralSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        notifications.closeAll();
        transport.close();
    }
}
