package io.ringside.simulator.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.simulator.settings.SimulatorSettings;
import io.ringside.simulator.calls.Party;
import io.ringside.simulator.calls.SimulatedCall;
import io.ringside.simulator.limits.RequestCounts;
import io.ringside.simulator.push.PushStats;
import io.ringside.simulator.push.SentNotification;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The simulator's remote control, for tests and the benchmark (not part of RingCentral's API, so not
 * counted, throttled or authenticated): start and steer calls, expire tokens, plan failures, read
 * request counts, move time, change settings.
 */
@RestController
@RequestMapping("${ringside.simulator.path-prefix:}/control")
class ControlController {

    /** Start a call. Without {@code from} (and not anonymous) a realistic caller is picked at random. */
    record NewCall(String from, String name, String extension, Boolean anonymous) {
    }

    /** The caller as the platform holds it; absent parts left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallerView(String phoneNumber, String extensionNumber, String name, String location) {

        static CallerView of(Party party) {
            return new CallerView(party.phoneNumber(), party.extensionNumber(), party.name(), party.location());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record CallView(String id, String sessionId, String telephonySessionId, CallerView from, String extensionNumber,
                    String status, String telephonyStatus, String result, String startTime, String answeredAt,
                    String endedAt, String inCallLogFrom) {
    }

    record Failures(int count, int status) {
    }

    record ClockAdvance(long seconds) {
    }

    record Now(String now) {
    }

    /** Settings in seconds (push keep-alive in milliseconds); absent fields stay as they are. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SettingsView(Long accessTokenLifetimeSeconds, Long refreshTokenLifetimeSeconds,
                        Long authorizationCodeLifetimeSeconds, Long refreshGraceSeconds, Long callLogDelaySeconds,
                        Integer heavyLimit, Integer mediumLimit, Integer lightLimit, Integer authLimit,
                        Long rateWindowSeconds, Long penaltySeconds, List<String> redirectUris,
                        Long wsTokenLifetimeSeconds, Long recoveryTimeoutSeconds, Integer recoveryBufferSize,
                        Long idleTimeoutSeconds, Long absoluteTimeoutSeconds, Long pingIntervalMillis,
                        Long pongTimeoutMillis) {
    }

    record Seconds(long seconds) {
    }

    record Dropped(int dropped) {
    }

    record Permissions(List<String> permissions) {
    }

    private final SimulatedPlatform platform;

    ControlController(SimulatedPlatform platform) {
        this.platform = platform;
    }

    @PostMapping("/calls")
    @ResponseStatus(HttpStatus.CREATED)
    CallView startCall(@RequestBody(required = false) NewCall request) {
        NewCall r = request != null ? request : new NewCall(null, null, null, false);
        String extension = r.extension() != null ? r.extension()
                : platform.directory().connectedUser().extensionNumber();
        String id;
        if (Boolean.TRUE.equals(r.anonymous())) {
            id = platform.startRingingCall(null, null, extension);
        } else if (r.from() == null) {
            id = platform.startRandomCall(extension);
        } else {
            id = platform.startRingingCall(r.from(), r.name(), extension);
        }
        return view(platform.call(id));
    }

    @GetMapping("/calls")
    List<CallView> calls() {
        return platform.calls().stream().map(this::view).toList();
    }

    @GetMapping("/calls/{id}")
    CallView call(@PathVariable String id) {
        return view(platform.call(id));
    }

    @PostMapping("/calls/{id}/answer")
    CallView answer(@PathVariable String id) {
        platform.answer(id);
        return view(platform.call(id));
    }

    @PostMapping("/calls/{id}/hold")
    CallView hold(@PathVariable String id) {
        platform.hold(id);
        return view(platform.call(id));
    }

    @PostMapping("/calls/{id}/end")
    CallView end(@PathVariable String id) {
        platform.end(id);
        return view(platform.call(id));
    }

    @PostMapping("/calls/{id}/voicemail")
    CallView voicemail(@PathVariable String id) {
        platform.sendToVoicemail(id);
        return view(platform.call(id));
    }

    @PostMapping("/tokens/expire")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void expireTokens() {
        platform.expireAccessTokens();
    }

    @PostMapping("/failures")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void failures(@RequestBody Failures failures) {
        platform.failNextRequests(failures.count(), failures.status());
    }

    @GetMapping("/requests")
    RequestCounts requests() {
        return platform.requestCounts();
    }

    @DeleteMapping("/requests")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resetRequests() {
        platform.resetRequestCounts();
    }

    @PostMapping("/clock/advance")
    Now advanceClock(@RequestBody ClockAdvance advance) {
        platform.advanceClock(Duration.ofSeconds(advance.seconds()));
        return new Now(WireTime.format(platform.clock().instant()));
    }

    @GetMapping("/clock")
    Now clock() {
        return new Now(WireTime.format(platform.clock().instant()));
    }

    @PostMapping("/reset")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reset() {
        platform.reset();
    }

    /** Steps of this call's telephony-session notifications: the next two go out swapped. */
    @PostMapping("/calls/{id}/out-of-order")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void outOfOrder(@PathVariable String id) {
        platform.deliverNextTwoEventsOutOfOrder(id);
    }

    // ---- push --------------------------------------------------------------------------------------

    @GetMapping("/push")
    PushStats pushStats() {
        return platform.pushStats();
    }

    @GetMapping("/push/notifications")
    List<SentNotification> pushNotifications() {
        return platform.pushNotificationsSent();
    }

    /** Cuts every push socket without a close frame (a network failure); sessions stay recoverable. */
    @PostMapping("/push/drop")
    Dropped dropSockets() {
        return new Dropped(platform.dropPushSockets());
    }

    /** {@code {"seconds":n}}: wstoken answers 503 and handshakes are refused for n seconds; 0 ends it. */
    @PostMapping("/push/refuse")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void refuseSockets(@RequestBody Seconds refuse) {
        platform.refusePushSockets(Duration.ofSeconds(refuse.seconds()));
    }

    @PostMapping("/push/recovery-timeout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void recoveryTimeout(@RequestBody Seconds timeout) {
        platform.setPushRecoveryTimeout(Duration.ofSeconds(timeout.seconds()));
    }

    @GetMapping("/permissions")
    Permissions permissions() {
        return new Permissions(List.copyOf(platform.appPermissions()));
    }

    /** {@code {"permissions":["ReadCallLog","ReadPresence"]}}: the app's permissions from now on. */
    @PutMapping("/permissions")
    Permissions setPermissions(@RequestBody Permissions permissions) {
        platform.setAppPermissions(new LinkedHashSet<>(permissions.permissions()));
        return permissions();
    }

    @GetMapping("/settings")
    SettingsView settings() {
        SimulatorSettings s = platform.settings();
        SimulatorSettings.RateLimits l = s.rateLimits();
        SimulatorSettings.Push p = s.push();
        return new SettingsView(s.accessTokenLifetime().toSeconds(), s.refreshTokenLifetime().toSeconds(),
                s.authorizationCodeLifetime().toSeconds(), s.refreshGrace().toSeconds(),
                s.callLogDelay().toSeconds(), l.heavy(), l.medium(), l.light(), l.auth(), l.window().toSeconds(),
                l.penalty().toSeconds(), s.redirectUris(), p.wsTokenLifetime().toSeconds(),
                p.recoveryTimeout().toSeconds(), p.recoveryBufferSize(), p.idleTimeout().toSeconds(),
                p.absoluteTimeout().toSeconds(), p.pingInterval().toMillis(), p.pongTimeout().toMillis());
    }

    @PatchMapping("/settings")
    SettingsView changeSettings(@RequestBody SettingsView change) {
        platform.updateSettings(s -> {
            SimulatorSettings.RateLimits l = s.rateLimits();
            return s.withAccessTokenLifetime(seconds(change.accessTokenLifetimeSeconds(), s.accessTokenLifetime()))
                    .withRefreshTokenLifetime(seconds(change.refreshTokenLifetimeSeconds(), s.refreshTokenLifetime()))
                    .withAuthorizationCodeLifetime(
                            seconds(change.authorizationCodeLifetimeSeconds(), s.authorizationCodeLifetime()))
                    .withRefreshGrace(seconds(change.refreshGraceSeconds(), s.refreshGrace()))
                    .withCallLogDelay(seconds(change.callLogDelaySeconds(), s.callLogDelay()))
                    .withRedirectUris(change.redirectUris() != null ? change.redirectUris() : s.redirectUris())
                    .withRateLimits(new SimulatorSettings.RateLimits(
                            or(change.heavyLimit(), l.heavy()), or(change.mediumLimit(), l.medium()),
                            or(change.lightLimit(), l.light()), or(change.authLimit(), l.auth()),
                            seconds(change.rateWindowSeconds(), l.window()),
                            seconds(change.penaltySeconds(), l.penalty())))
                    .withPush(new SimulatorSettings.Push(
                            seconds(change.wsTokenLifetimeSeconds(), s.push().wsTokenLifetime()),
                            seconds(change.recoveryTimeoutSeconds(), s.push().recoveryTimeout()),
                            or(change.recoveryBufferSize(), s.push().recoveryBufferSize()),
                            seconds(change.idleTimeoutSeconds(), s.push().idleTimeout()),
                            seconds(change.absoluteTimeoutSeconds(), s.push().absoluteTimeout()),
                            millis(change.pingIntervalMillis(), s.push().pingInterval()),
                            millis(change.pongTimeoutMillis(), s.push().pongTimeout())));
        });
        return settings();
    }

    private CallView view(SimulatedCall call) {
        Instant inLog = call.endedAt() == null ? null : call.endedAt().plus(platform.settings().callLogDelay());
        return new CallView(call.id(), call.sessionId(), call.telephonySessionId(), CallerView.of(call.from()),
                call.extension().extensionNumber(), call.status().name(), call.status().telephonyStatus(),
                call.result() == null ? null : call.result().wireName(), WireTime.format(call.startTime()),
                WireTime.format(call.answeredAt()), WireTime.format(call.endedAt()), WireTime.format(inLog));
    }

    private static Duration seconds(Long value, Duration current) {
        return value == null ? current : Duration.ofSeconds(value);
    }

    private static Duration millis(Long value, Duration current) {
        return value == null ? current : Duration.ofMillis(value);
    }

    private static int or(Integer value, int current) {
        return value == null ? current : value;
    }
}
