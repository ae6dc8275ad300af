package io.ringside.simulator;

import io.ringside.simulator.settings.SimulatorSettings;
import io.ringside.simulator.settings.LiveSettings;

import io.ringside.simulator.calls.CallBook;
import io.ringside.simulator.calls.CallerGenerator;
import io.ringside.simulator.calls.Callers;
import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.calls.Extension;
import io.ringside.simulator.calls.IdGenerator;
import io.ringside.simulator.calls.SimulatedCall;
import io.ringside.simulator.limits.FaultInjector;
import io.ringside.simulator.limits.RateLimiter;
import io.ringside.simulator.limits.RequestCounter;
import io.ringside.simulator.limits.RequestCounts;
import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.oauth.AuthorizationServer;
import io.ringside.simulator.push.PushHub;
import io.ringside.simulator.push.PushStats;
import io.ringside.simulator.push.SentNotification;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The simulated RingCentral platform, for in-process use: demo wiring and tests drive calls,
 * tokens, failures and time through this class; the HTTP endpoints serve the same state in
 * RingCentral's wire format. Thread-safe.
 */
public final class SimulatedPlatform implements AutoCloseable {

    private final LiveSettings settings;
    private final SimulatorClock clock;
    private final Directory directory;
    private final CallBook calls;
    private final Callers callers;
    private final AuthorizationServer authorizationServer;
    private final RateLimiter rateLimiter;
    private final FaultInjector faults = new FaultInjector();
    private final RequestCounter requests = new RequestCounter();
    private final AppPermissions permissions = new AppPermissions();
    private final PushHub push;
    private final CallerGenerator generator;
    private final Random random = new Random();

    public SimulatedPlatform(SimulatorSettings initialSettings, Clock baseClock) {
        this.settings = new LiveSettings(initialSettings);
        this.clock = baseClock instanceof SimulatorClock own ? own : new SimulatorClock(baseClock);
        this.directory = Directory.demo(initialSettings.userName());
        this.calls = new CallBook(clock, new IdGenerator());
        this.callers = new Callers(directory);
        this.authorizationServer = new AuthorizationServer(settings, clock, directory, permissions);
        this.rateLimiter = new RateLimiter(clock);
        this.push = new PushHub(settings, clock, directory, calls, permissions, rateLimiter, requests);
        this.generator = new CallerGenerator(calls, callers, directory, clock, random);
    }

    /** Defaults and the system clock: what a demo needs. */
    public SimulatedPlatform() {
        this(SimulatorSettings.defaults(), Clock.systemUTC());
    }

    /** Starts the background caller generator if the settings enable it (with a few past calls as history). */
    public void start() {
        SimulatorSettings.Generator g = settings.current().generator();
        if (g.enabled() && !generator.isRunning()) {
            generator.seedHistory(g.seedHistory());
            generator.start(g.meanInterval());
        }
    }

    @Override
    public void close() {
        generator.close();
        push.close();
    }

    // ---- calls -------------------------------------------------------------------------------------

    /** A caller starts ringing the connected user's line (the company's shared line) now. */
    public String startRingingCall(String number, String name) {
        return startRingingCall(number, name, directory.connectedUser().extensionNumber());
    }

    /**
     * A caller starts ringing an extension now.
     *
     * @param number          as the carrier delivers it, any shape ({@code +16025551234}, {@code (602) 555-1234},
     *                        {@code +1855201XXXX}, {@code 102} for an internal caller); null for anonymous
     * @param name            caller-id name, or null
     * @param extensionNumber which extension rings, e.g. {@code 101} (the connected user) or {@code 102}
     * @return the call's id (its call-log record id)
     */
    public String startRingingCall(String number, String name, String extensionNumber) {
        Extension extension = directory.byNumber(extensionNumber)
                .orElseThrow(() -> new NoSuchElementException("no extension " + extensionNumber));
        return calls.startRinging(callers.partyFor(number, name), extension).id();
    }

    /** A realistic caller (any number shape, sometimes anonymous) starts ringing the connected user's line. */
    public String startRandomCall() {
        return startRandomCall(directory.connectedUser().extensionNumber());
    }

    public String startRandomCall(String extensionNumber) {
        Callers.Caller caller = callers.random(random);
        return startRingingCall(caller.number(), caller.name(), extensionNumber);
    }

    /**
     * What a demo's "Simulate inbound call" does: a realistic caller rings the connected user's line
     * now, and the call then runs its course by itself (answered and later ended, or missed, or voicemail).
     */
    public String simulateInboundCall() {
        String id = startRandomCall();
        generator.progress(id);
        return id;
    }

    /** Someone picks up (or takes the call off hold). */
    public void answer(String callId) {
        calls.answer(callId);
    }

    public void hold(String callId) {
        calls.hold(callId);
    }

    /** Hang up: the call is Accepted if answered, Missed if it only rang; it reaches the call log after the delay. */
    public void end(String callId) {
        calls.end(callId);
    }

    /** A ringing call goes to voicemail and ends with result Voicemail. */
    public void sendToVoicemail(String callId) {
        calls.sendToVoicemail(callId);
    }

    public SimulatedCall call(String callId) {
        return calls.get(callId);
    }

    /** Every call, live and ended, newest first. */
    public List<SimulatedCall> calls() {
        return calls.all();
    }

    // ---- tokens, failures, requests ------------------------------------------------------------------

    /** Every access token issued so far is expired from now on (API calls answer 401 OAU-128). */
    public void expireAccessTokens() {
        authorizationServer.expireAccessTokens();
    }

    /** The next {@code count} API or token requests fail with {@code status} (503 or 429). */
    public void failNextRequests(int count, int status) {
        faults.failNext(count, status);
    }

    public RequestCounts requestCounts() {
        return requests.snapshot();
    }

    public void resetRequestCounts() {
        requests.clear();
    }

    // ---- push (WebSocket notifications) -------------------------------------------------------------

    /** The app's permissions now (default: ReadAccounts, ReadCallLog, ReadPresence, CallControl, WebSocketsSubscription). */
    public Set<String> appPermissions() {
        return permissions.granted();
    }

    /**
     * Sets the app's permissions, e.g. without {@code CallControl} (company-wide telephony push then answers
     * 403 CMN-401) or without {@code WebSocketsSubscription} (wstoken answers 403). Checked live by the push
     * gateway; tokens issued from now on list them in {@code scope}. {@link #reset()} restores the defaults.
     */
    public void setAppPermissions(Set<String> granted) {
        permissions.set(granted);
    }

    public void grantPermission(String permission) {
        permissions.grant(permission);
    }

    public void revokePermission(String permission) {
        permissions.revoke(permission);
    }

    /** Cuts every push socket like a network failure (no close frame); their sessions can be recovered. Returns how many. */
    public int dropPushSockets() {
        return push.dropSockets();
    }

    /** For this long, {@code wstoken} answers 503 and socket handshakes are refused (HTTP 503); zero ends it. */
    public void refusePushSockets(Duration duration) {
        push.refuseSockets(duration);
    }

    /** How long a dropped push session can be recovered with {@code wsc} (RingCentral: 180 s). */
    public void setPushRecoveryTimeout(Duration timeout) {
        settings.update(s -> s.withPush(s.push().withRecoveryTimeout(timeout)));
    }

    /**
     * The next two telephony-session notifications of this call go out swapped (sequence n+1 before n), so a
     * client can prove that the highest sequence wins. Presence notifications keep their order.
     */
    public void deliverNextTwoEventsOutOfOrder(String callId) {
        push.swapNextTwoEvents(calls.get(callId).telephonySessionId());
    }

    public PushStats pushStats() {
        return push.stats();
    }

    /** Every ServerNotification written to a socket, oldest first (the last 10 000). */
    public List<SentNotification> pushNotificationsSent() {
        return push.sentNotifications();
    }

    // ---- settings and time -------------------------------------------------------------------------

    public SimulatorSettings settings() {
        return settings.current();
    }

    /**
     * Changes settings at once, e.g. {@code p.updateSettings(s -> s.withAccessTokenLifetime(Duration.ofSeconds(5)))}.
     * Generator changes take effect on {@link #start()}.
     */
    public SimulatorSettings updateSettings(UnaryOperator<SimulatorSettings> change) {
        return settings.update(change);
    }

    public SimulatorClock clock() {
        return clock;
    }

    /** Moves the platform's time forward: tokens and codes age, ended calls reach the call log. */
    public void advanceClock(Duration amount) {
        clock.advance(amount);
    }

    /**
     * Forgets calls, sessions, codes, rate windows, planned failures and counts, closes push sockets and
     * restores the app's default permissions; settings and time stay.
     */
    public void reset() {
        push.clear();
        permissions.reset();
        calls.clear();
        authorizationServer.clear();
        rateLimiter.clear();
        faults.clear();
        requests.clear();
    }

    // ---- the parts the HTTP layer serves -----------------------------------------------------------

    public Directory directory() {
        return directory;
    }

    public CallBook callBook() {
        return calls;
    }

    public AuthorizationServer authorizationServer() {
        return authorizationServer;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestCounter requestCounter() {
        return requests;
    }

    public PushHub pushHub() {
        return push;
    }
}
