package io.ringside.bootstrap.observability;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.ViewConnection;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code ringCentral} health component: the connection's state and how live calls arrive, as
 * details. Always UP: Ringside serves its pages whatever RingCentral's state, so readiness must not
 * fail with it (a broken link is the admins' alert, not a reason to take the instance out of service).
 * Only states and times, never a token.
 */
final class RingCentralHealthIndicator implements HealthIndicator {

    private final ViewConnection connection;

    RingCentralHealthIndicator(ViewConnection connection) {
        this.connection = connection;
    }

    @Override
    public Health health() {
        ConnectionView view = connection.view();
        Health.Builder health = Health.up().withDetail("connection", view.status().name());
        if (view.problem() != null) {
            health.withDetail("problem", view.problem());
        }
        if (view.accessTokenValidUntil() != null) {
            health.withDetail("accessTokenValidUntil", view.accessTokenValidUntil().toString());
        }
        LiveCallsHealth live = view.liveCalls();
        if (live != null) {
            health.withDetail("liveCalls", live.mode().name());
            if (live.since() != null) {
                health.withDetail("liveCallsSince", live.since().toString());
            }
            if (live.reason() != null) {
                health.withDetail("liveCallsLimitation", live.reason());
            }
            health.withDetail("pushReconnects", live.reconnects());
        }
        if (view.lastCallLogSync() != null) {
            health.withDetail("lastCallLogSync", view.lastCallLogSync().toString());
        }
        if (view.feed() != null) {
            health.withDetail("feed", view.feed().status().getClass().getSimpleName());
        }
        return health.build();
    }
}
