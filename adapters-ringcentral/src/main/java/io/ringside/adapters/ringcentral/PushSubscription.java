package io.ringside.adapters.ringcentral;

import io.ringside.adapters.ringcentral.wire.ErrorResponse;
import io.ringside.application.port.out.NotificationScope;
import io.ringside.application.port.out.RingCentralRateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The subscription handshake over a push connection: the request (within the Medium rate budget), which
 * reply answers it, and what the reply means. The company's calls are asked for first; without CallControl
 * (403, CMN-401) the connected user's detailed presence; 429 (CMN-301) waits for Retry-After. The session
 * carries out what {@link #reply} returns. Used only on the session's thread.
 */
final class PushSubscription {

    /** Logs under the session's name, where operators and tests look for the push client's lines. */
    private static final Logger log = LoggerFactory.getLogger(PushSession.class);

    static final String COMPANY_FILTER = "/restapi/v1.0/account/~/telephony/sessions";
    static final String EXTENSION_FILTER = "/restapi/v1.0/account/~/extension/~/presence?detailedTelephonyState=true";

    /** What to do to subscribe now. */
    sealed interface Request {
    }

    /** Send this subscription request. */
    record Send(String message) implements Request {
    }

    /** The rate budget is spent: ask again after this wait. */
    record Wait(Duration delay) implements Request {
    }

    /** What a reply to the subscription request means. */
    sealed interface Reply {
    }

    /** Subscribed to this scope. */
    record Subscribed(NotificationScope scope) implements Reply {
    }

    /** Rate limited: subscribe to this scope again after the wait. */
    record RateLimited(Duration delay, NotificationScope scope) implements Reply {
    }

    /** The company's calls are refused (no CallControl): subscribe to the connected user's presence instead. */
    record FallBack() implements Reply {
    }

    /** Neither scope is allowed: push has nothing to deliver. */
    record NoPermission() implements Reply {
    }

    /** Refused otherwise: this session is no good. */
    record Refused(String reason) implements Reply {
    }

    private record Pending(String messageId, NotificationScope scope, long sentNanos) {
    }

    private final RingCentralSettings settings;
    private final RateLimits rateLimits;
    private final Clock clock;
    private final JsonMapper json;
    private Pending pending;
    private NotificationScope scope;

    PushSubscription(RingCentralSettings settings, RateLimits rateLimits, Clock clock, JsonMapper json) {
        this.settings = settings;
        this.rateLimits = rateLimits;
        this.clock = clock;
        this.json = json;
    }

    /** Takes the rate budget for a subscription request and, when there is some, makes the request (now awaiting its reply). */
    Request request(NotificationScope wanted) {
        try {
            rateLimits.acquire(Operation.SUBSCRIPTION.group());
        } catch (RingCentralRateLimitedException limited) {
            Duration wait = PushSession.untilNow(clock, limited.until());
            log.info("The push subscription waits for RingCentral's {} budget until {}", limited.group(), limited.until());
            return new Wait(wait);
        }
        String messageId = UUID.randomUUID().toString();
        pending = new Pending(messageId, wanted, System.nanoTime());
        String filter = wanted == NotificationScope.COMPANY ? COMPANY_FILTER : EXTENSION_FILTER;
        log.debug("Subscribing to {} over the push connection", filter);
        return new Send(PushFrame.subscribeRequest(json, messageId, List.of(filter)));
    }

    /** Whether the message is the reply (or the error) to the request awaiting one. */
    boolean answers(PushFrame frame) {
        return pending != null && pending.messageId().equals(frame.messageId())
                && (frame.is(PushFrame.CLIENT_REQUEST) || frame.is(PushFrame.ERROR));
    }

    /** Whether a request has waited longer than the read timeout for its reply. */
    boolean overdue(long now) {
        return pending != null && now - pending.sentNanos() > settings.readTimeout().toNanos();
    }

    /** Reads the reply to the request awaiting one (see {@link #answers}); no request awaits one after it. */
    Reply reply(PushFrame reply) {
        Pending asked = pending;
        pending = null;
        int status = reply.status() != null ? reply.status() : reply.is(PushFrame.ERROR) ? 400 : 200;
        ErrorResponse error = status >= 300 || reply.is(PushFrame.ERROR) ? reply.error(json) : null;
        String code = error == null ? null : error.firstErrorCode();
        if (status >= 200 && status < 300 && !reply.is(PushFrame.ERROR)) {
            scope = asked.scope();
            log.info("RingCentral push subscribed: {}", asked.scope() == NotificationScope.COMPANY
                    ? "every extension's calls" : "the connected user's extension only (detailed presence)");
            return new Subscribed(asked.scope());
        }
        if (status == 429 || "CMN-301".equals(code)) {
            Duration wait = retryAfter(reply);
            Instant until = clock.instant().plus(wait);
            rateLimits.penalise(Operation.SUBSCRIPTION.group(), until);
            log.warn("RingCentral answered the push subscription with {} ({}): Medium group rate limited until {}; subscribing then",
                    status, code == null ? "no code" : code, until);
            return new RateLimited(wait, asked.scope());
        }
        if (status == 403 || "CMN-401".equals(code)) {
            if (asked.scope() == NotificationScope.COMPANY) {
                log.warn("RingCentral refused the company's calls to the push subscription ({} {}): the app lacks CallControl; "
                        + "subscribing to the connected user's presence instead", status, code == null ? "no code" : code);
                return new FallBack();
            }
            return new NoPermission();
        }
        // Anything else: this session is no good; the next connection starts a new one.
        return new Refused("RingCentral refused the push subscription (HTTP " + status + (code == null ? "" : ", " + code) + ")");
    }

    /** Whether the session is subscribed (a recovered session keeps its subscription). */
    boolean isSubscribed() {
        return scope != null;
    }

    /** The connection is gone: its request awaits no reply any more. */
    void connectionLost() {
        pending = null;
    }

    /** A new session: it has no subscription yet. */
    void newSession() {
        scope = null;
    }

    private Duration retryAfter(PushFrame reply) {
        Optional<String> header = reply.header("Retry-After");
        if (header.isPresent()) {
            try {
                long seconds = Long.parseLong(header.get().strip());
                if (seconds > 0) {
                    return Duration.ofSeconds(seconds);
                }
            } catch (NumberFormatException notSeconds) {
                // RingCentral's penalty below
            }
        }
        return settings.retryAfterDefault();
    }
}
