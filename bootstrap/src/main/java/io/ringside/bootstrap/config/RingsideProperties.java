package io.ringside.bootstrap.config;

import io.ringside.application.service.FeedSettings;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;

/**
 * Ringside's own settings ({@code ringside.*}). Each has a default; a bad value stops start-up
 * with a message naming the setting.
 *
 * @param recentCallersWindow how far back the Recent callers list looks (5–240 min)
 * @param refreshMargin       refresh the access token when it expires within this (0–50 min)
 * @param keepAliveAge        refresh at least this often, so the 7-day refresh token never lapses
 * @param refreshCheckInterval how often the keep-alive looks at the connection
 * @param presenceInterval    how often presence is read while push is not live and an operator watches (Light group)
 * @param callLogInterval     how often the call log is read while push does not cover the company and an operator watches (Heavy group)
 * @param heavyRequestsPerMinute call-log reads Ringside allows itself per minute at most, whatever happens (1–10)
 * @param pushReconcileInterval how often the call log is read while push covers the company (1 min – 6 h)
 * @param timeZone            the zone in which "today" is counted (default: the server's)
 * @param phone               phone-number settings: {@code ringside.phone.default-region}, the home country (ISO 3166 code)
 */
@ConfigurationProperties("ringside")
public record RingsideProperties(
        @DefaultValue("60m") Duration recentCallersWindow,
        @DefaultValue("5m") Duration refreshMargin,
        @DefaultValue("24h") Duration keepAliveAge,
        @DefaultValue("1m") Duration refreshCheckInterval,
        @DefaultValue("2s") Duration presenceInterval,
        @DefaultValue("20s") Duration callLogInterval,
        @DefaultValue("6") int heavyRequestsPerMinute,
        @DefaultValue("20m") Duration pushReconcileInterval,
        ZoneId timeZone,
        @DefaultValue Phone phone) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public RingsideProperties {
        requireBetween("ringside.recent-callers-window", recentCallersWindow,
                RecentCallers.SHORTEST_WINDOW, RecentCallers.LONGEST_WINDOW);
        requireBetween("ringside.refresh-margin", refreshMargin, Duration.ZERO, Duration.ofMinutes(50));
        requireBetween("ringside.keep-alive-age", keepAliveAge, Duration.ofMinutes(10), Duration.ofDays(6));
        requireBetween("ringside.refresh-check-interval", refreshCheckInterval, Duration.ofSeconds(5), Duration.ofMinutes(30));
        requireBetween("ringside.presence-interval", presenceInterval, Duration.ofMillis(500), Duration.ofMinutes(1));
        requireBetween("ringside.call-log-interval", callLogInterval, Duration.ofSeconds(10), Duration.ofMinutes(10));
        requireBetween("ringside.push-reconcile-interval", pushReconcileInterval, Duration.ofMinutes(1), Duration.ofHours(6));
        if (heavyRequestsPerMinute < 1 || heavyRequestsPerMinute > 10) {
            throw new IllegalArgumentException("ringside.heavy-requests-per-minute must be between 1 and 10 (RingCentral allows 10), not "
                    + heavyRequestsPerMinute);
        }
        timeZone = timeZone != null ? timeZone : ZoneId.systemDefault();
    }

    /** Numbers are parsed and shown relative to this country: national format at home, international otherwise. */
    public record Phone(@DefaultValue("US") String defaultRegion) {
        public Phone {
            defaultRegion = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (!COUNTRIES.contains(defaultRegion)) {
                throw new IllegalArgumentException("ringside.phone.default-region must be a two-letter ISO country code such as US or GB, not '"
                        + defaultRegion + "'");
            }
        }
    }

    private static void requireBetween(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + min + " and " + max + ", not " + value);
        }
    }

    public RecentCallers recentCallers() {
        return new RecentCallers(recentCallersWindow);
    }

    public FeedSettings feedSettings() {
        FeedSettings defaults = FeedSettings.DEFAULT;
        return new FeedSettings(presenceInterval, callLogInterval, heavyRequestsPerMinute, pushReconcileInterval,
                defaults.pushGrace(), defaults.pushRetryAfterStop(), defaults.pushEnabled());
    }

    public RefreshPolicy refreshPolicy() {
        return new RefreshPolicy(refreshMargin, keepAliveAge);
    }
}
