package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.CallLogScope;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Reads {@code ringcentral.*} (and the env vars RINGCENTRAL_CLIENT_ID, … through Spring's relaxed
 * binding) into the adapter's settings builder. Only what is set is passed on: the adapter keeps
 * its own defaults and its own validation, whose messages name the setting.
 */
public final class RingCentralSettingsBinding {

    private RingCentralSettingsBinding() {
    }

    public static RingCentralSettings.Builder from(Environment environment) {
        Binder binder = Binder.get(environment);
        RingCentralSettings.Builder settings = RingCentralSettings.builder();
        binder.bind("ringcentral.base-url", String.class).ifBound(settings::baseUrl);
        binder.bind("ringcentral.client-id", String.class).ifBound(settings::clientId);
        binder.bind("ringcentral.client-secret", String.class).ifBound(settings::clientSecret);
        binder.bind("ringcentral.redirect-uri", String.class).ifBound(settings::redirectUri);
        binder.bind("ringcentral.connect-timeout", Duration.class).ifBound(settings::connectTimeout);
        binder.bind("ringcentral.read-timeout", Duration.class).ifBound(settings::readTimeout);
        binder.bind("ringcentral.call-log-scope", CallLogScope.class).ifBound(settings::callLogScope);
        binder.bind("ringcentral.call-log-per-page", Integer.class).ifBound(settings::callLogPerPage);
        binder.bind("ringcentral.call-log-max-pages", Integer.class).ifBound(settings::callLogMaxPages);
        binder.bind("ringcentral.rate-limit-heavy", Integer.class).ifBound(settings::rateLimitHeavy);
        binder.bind("ringcentral.rate-limit-medium", Integer.class).ifBound(settings::rateLimitMedium);
        binder.bind("ringcentral.rate-limit-light", Integer.class).ifBound(settings::rateLimitLight);
        binder.bind("ringcentral.rate-limit-auth", Integer.class).ifBound(settings::rateLimitAuth);
        binder.bind("ringcentral.rate-limit-window", Duration.class).ifBound(settings::rateLimitWindow);
        binder.bind("ringcentral.retry-after-default", Duration.class).ifBound(settings::retryAfterDefault);
        binder.bind("ringcentral.retry-attempts", Integer.class).ifBound(settings::retryAttempts);
        binder.bind("ringcentral.retry-initial-backoff", Duration.class).ifBound(settings::retryInitialBackoff);
        binder.bind("ringcentral.retry-max-backoff", Duration.class).ifBound(settings::retryMaxBackoff);
        binder.bind("ringcentral.circuit-breaker-minimum-calls", Integer.class).ifBound(settings::circuitBreakerMinimumCalls);
        binder.bind("ringcentral.circuit-breaker-failure-rate", Integer.class).ifBound(settings::circuitBreakerFailureRate);
        binder.bind("ringcentral.circuit-breaker-open-duration", Duration.class).ifBound(settings::circuitBreakerOpenDuration);
        binder.bind("ringcentral.push-enabled", Boolean.class).ifBound(settings::pushEnabled);
        binder.bind("ringcentral.push-heartbeat-interval", Duration.class).ifBound(settings::pushHeartbeatInterval);
        binder.bind("ringcentral.push-heartbeat-timeout", Duration.class).ifBound(settings::pushHeartbeatTimeout);
        binder.bind("ringcentral.push-reconnect-initial-backoff", Duration.class).ifBound(settings::pushReconnectInitialBackoff);
        binder.bind("ringcentral.push-reconnect-max-backoff", Duration.class).ifBound(settings::pushReconnectMaxBackoff);
        binder.bind("ringside.phone.default-region", String.class).ifBound(settings::defaultRegion);
        return settings;
    }
}
