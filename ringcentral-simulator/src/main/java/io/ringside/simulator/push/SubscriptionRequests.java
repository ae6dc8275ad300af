package io.ringside.simulator.push;

import io.ringside.simulator.calls.Directory;
import io.ringside.simulator.limits.RateDecision;
import io.ringside.simulator.limits.RateLimiter;
import io.ringside.simulator.limits.RequestCounter;
import io.ringside.simulator.limits.ThrottlingGroup;
import io.ringside.simulator.oauth.AppPermissions;
import io.ringside.simulator.settings.LiveSettings;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The subscription API over the socket (ClientRequest on {@code /restapi/v1.0/subscription}): routing,
 * throttling with rate-limit headers, and the session's one subscription created, read, renewed, updated or
 * deleted, its event filters checked against the app's permissions. Guarded by the hub's lock.
 */
final class SubscriptionRequests {

    static final String SUBSCRIPTION_PATH = "/restapi/v1.0/subscription";
    /** WebSocket subscriptions renew themselves; RingCentral still reports a lifetime. */
    static final Duration SUBSCRIPTION_LIFETIME = Duration.ofSeconds(900);

    private final LiveSettings settings;
    private final Clock clock;
    private final Directory directory;
    private final AppPermissions permissions;
    private final RateLimiter rateLimiter;
    private final RequestCounter requests;
    private final Replies replies;
    private final PushCounters counters;

    SubscriptionRequests(LiveSettings settings, Clock clock, Directory directory, AppPermissions permissions,
                         RateLimiter rateLimiter, RequestCounter requests, Replies replies, PushCounters counters) {
        this.settings = settings;
        this.clock = clock;
        this.directory = directory;
        this.permissions = permissions;
        this.rateLimiter = rateLimiter;
        this.requests = requests;
        this.replies = replies;
        this.counters = counters;
    }

    /** A ClientRequest: answered on the socket with the same messageId. */
    void request(LiveSocket live, String messageId, String method, String rawPath, JsonNode body) {
        String path = rawPath == null ? "" : rawPath.split("\\?", 2)[0];
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String verb = method == null ? "" : method.toUpperCase();
        String subscriptionId = null;
        boolean renew = false;
        if (path.startsWith(SUBSCRIPTION_PATH + "/")) {
            subscriptionId = path.substring(SUBSCRIPTION_PATH.length() + 1);
            if (subscriptionId.endsWith("/renew")) {
                subscriptionId = subscriptionId.substring(0, subscriptionId.length() - "/renew".length());
                renew = true;
            }
        } else if (!path.equals(SUBSCRIPTION_PATH)) {
            replies.replyError(live, messageId, 404, Wire.ErrorBody.of("CMN-102", "Resource for parameter [path] is not found",
                    "path"));
            return;
        }
        ThrottlingGroup group = verb.equals("GET") ? ThrottlingGroup.LIGHT : ThrottlingGroup.MEDIUM;
        String pattern = subscriptionId == null ? SUBSCRIPTION_PATH
                : SUBSCRIPTION_PATH + "/{subscriptionId}" + (renew ? "/renew" : "");
        requests.record(group, verb + " " + pattern);
        Map<String, String> headers = Frames.headers();
        WsTokens.Grant grant = live.session.grant;
        RateDecision decision = rateLimiter.admit(grant.clientId() + "/" + grant.ownerId(), group,
                settings.current().rateLimits());
        headers.put("X-Rate-Limit-Group", decision.group().wireName());
        headers.put("X-Rate-Limit-Limit", Integer.toString(decision.limit()));
        headers.put("X-Rate-Limit-Remaining", Integer.toString(decision.remaining()));
        headers.put("X-Rate-Limit-Window", Long.toString(decision.window().toSeconds()));
        if (!decision.allowed()) {
            headers.put("Retry-After", Long.toString(decision.retryAfter().toSeconds()));
            replies.reply(live, messageId, 429, headers, Wire.ErrorBody.of("CMN-301", "Request rate exceeded"));
            return;
        }
        WscSession session = live.session;
        Subscription current = session.subscription;
        if (subscriptionId == null) {
            if (!verb.equals("POST")) {
                replies.reply(live, messageId, 405, headers, Wire.ErrorBody.of("CMN-405", "Method not allowed"));
                return;
            }
            subscribe(live, messageId, headers, body, null);
            return;
        }
        if (current == null || !current.id().equals(subscriptionId)) {
            replies.reply(live, messageId, 404, headers,
                    Wire.ErrorBody.of("CMN-102", "Resource for parameter [subscriptionId] is not found",
                            "subscriptionId"));
            return;
        }
        switch (renew ? "RENEW" : verb) {
            case "GET", "RENEW" -> replies.reply(live, messageId, 200, headers, info(live, current));
            case "PUT" -> subscribe(live, messageId, headers, body, current);
            case "DELETE" -> {
                session.subscription = null;
                replies.reply(live, messageId, 204, headers, null);
            }
            default -> replies.reply(live, messageId, 405, headers, Wire.ErrorBody.of("CMN-405", "Method not allowed"));
        }
    }

    /** Creates (or with {@code existing}, updates) the session's one subscription; a new one replaces the old. */
    private void subscribe(LiveSocket live, String messageId, Map<String, String> headers, JsonNode body,
                           Subscription existing) {
        WscSession session = live.session;
        JsonNode filters = body == null ? null : body.get("eventFilters");
        List<EventFilter> parsed;
        if (filters == null && existing != null) {
            parsed = existing.filters(); // PUT without filters only renews
        } else {
            if (filters == null || !filters.isArray() || filters.isEmpty()) {
                replies.reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                        "Parameter [eventFilters] value is invalid", "eventFilters"));
                return;
            }
            long ownerId = Long.parseLong(session.grant.ownerId());
            Set<EventFilter> unique = new LinkedHashSet<>();
            for (JsonNode filter : filters) {
                Optional<EventFilter> one = filter.isString()
                        ? EventFilter.parse(filter.asString(), directory, ownerId) : Optional.empty();
                if (one.isEmpty()) {
                    replies.reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                            "Parameter [eventFilters] value is invalid", "eventFilters"));
                    return;
                }
                unique.add(one.get());
            }
            parsed = List.copyOf(unique);
        }
        if (existing == null) {
            JsonNode transport = body == null ? null : body.path("deliveryMode").get("transportType");
            if (transport == null || !"WebSocket".equals(transport.asString(""))) {
                replies.reply(live, messageId, 400, headers, Wire.ErrorBody.of("CMN-101",
                        "Parameter [deliveryMode.transportType] value is invalid", "deliveryMode.transportType"));
                return;
            }
        }
        for (EventFilter filter : parsed) {
            if (!permissions.has(filter.permission())) {
                replies.reply(live, messageId, 403, headers, missingPermission(filter.permission()));
                return;
            }
        }
        Subscription subscription = existing != null
                ? new Subscription(existing.id(), parsed, existing.createdAt())
                : new Subscription(UUID.randomUUID().toString(), parsed, clock.instant());
        session.subscription = subscription;
        if (existing == null) {
            counters.subscriptionsCreated++;
        }
        replies.reply(live, messageId, 200, headers, info(live, subscription));
    }

    private Wire.SubscriptionInfo info(LiveSocket live, Subscription subscription) {
        Instant now = clock.instant();
        return new Wire.SubscriptionInfo(live.apiBase + SUBSCRIPTION_PATH + "/" + subscription.id(),
                subscription.id(), Wire.time(subscription.createdAt()), "Active",
                subscription.filters().stream().map(EventFilter::canonical).toList(),
                Wire.time(now.plus(SUBSCRIPTION_LIFETIME)), SUBSCRIPTION_LIFETIME.toSeconds(),
                new Wire.DeliveryMode("WebSocket", false));
    }

    static Wire.ErrorBody missingPermission(String permission) {
        return Wire.ErrorBody.of("CMN-401",
                "In order to call this API endpoint, application needs to have [" + permission + "] permission");
    }
}
