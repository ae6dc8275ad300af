package io.ringside.bootstrap.config;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.ringside.application.service.FeedSettings;
import io.ringside.domain.Password;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

/**
 * Ringside's own settings ({@code ringside.*}), bound and validated here, once: each has a default,
 * and a bad value stops start-up with a message naming the setting. The limits come from the rules
 * they feed ({@link RecentCallers}, {@link RefreshPolicy}, {@link FeedSettings}), so each range is
 * written down once. Not here: the data directory and encryption keys ({@code DataProperties}), the
 * simulator's {@code ringside.simulator.*}, and RingCentral's {@code ringcentral.*}.
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
 * @param phone               phone-number settings: {@code ringside.phone.default-region}, the home country
 * @param adminPassword       {@code RINGSIDE_ADMIN_PASSWORD}: creates the first admin {@code admin} (12–64
 *                            characters) when no user exists yet; required then, outside demo mode (which
 *                            refuses to start with it set); later changes to it change nothing
 * @param operatorPassword    {@code RINGSIDE_OPERATOR_PASSWORD}: optional; creates {@code operator} once, if no such user exists
 * @param auditRetention      {@code ringside.audit-retention}: how long audit entries are kept (1 day – 10 years, default 365 days)
 * @param scheduling          {@code ringside.scheduling.enabled}: false only in tests that drive the timers themselves
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
        @DefaultValue Phone phone,
        String adminPassword,
        String operatorPassword,
        @DefaultValue("365d") Duration auditRetention,
        @DefaultValue Scheduling scheduling) {

    public RingsideProperties {
        requireBetween("ringside.recent-callers-window", recentCallersWindow,
                RecentCallers.SHORTEST_WINDOW, RecentCallers.LONGEST_WINDOW);
        requireBetween("ringside.refresh-margin", refreshMargin, Duration.ZERO, RefreshPolicy.LONGEST_MARGIN);
        requireBetween("ringside.keep-alive-age", keepAliveAge, RefreshPolicy.SHORTEST_KEEP_ALIVE_AGE, RefreshPolicy.LONGEST_KEEP_ALIVE_AGE);
        requireBetween("ringside.refresh-check-interval", refreshCheckInterval, Duration.ofSeconds(5), Duration.ofMinutes(30));
        requireBetween("ringside.presence-interval", presenceInterval, Duration.ofMillis(500), Duration.ofMinutes(1));
        requireBetween("ringside.call-log-interval", callLogInterval, Duration.ofSeconds(10), Duration.ofMinutes(10));
        requireBetween("ringside.push-reconcile-interval", pushReconcileInterval, Duration.ofMinutes(1), Duration.ofHours(6));
        if (heavyRequestsPerMinute < 1 || heavyRequestsPerMinute > FeedSettings.MOST_HEAVY_PER_MINUTE) {
            throw new IllegalArgumentException("ringside.heavy-requests-per-minute must be between 1 and " + FeedSettings.MOST_HEAVY_PER_MINUTE
                    + " (RingCentral allows " + FeedSettings.MOST_HEAVY_PER_MINUTE + "), not " + heavyRequestsPerMinute);
        }
        requireBetween("ringside.audit-retention", auditRetention, Duration.ofDays(1), Duration.ofDays(3650));
        if (!auditRetention.equals(Duration.ofDays(auditRetention.toDays()))) {
            throw new IllegalArgumentException("ringside.audit-retention must be whole days, like 365d, not " + inWords(auditRetention));
        }
        timeZone = timeZone != null ? timeZone : ZoneId.systemDefault();
        adminPassword = password(adminPassword, "RINGSIDE_ADMIN_PASSWORD");
        operatorPassword = password(operatorPassword, "RINGSIDE_OPERATOR_PASSWORD");
    }

    /**
     * Numbers are parsed and shown relative to this region: national format at home, international
     * otherwise. The one definition of it: the RingCentral adapter and the console both get it from here.
     *
     * @param defaultRegion a region libphonenumber knows, upper case (e.g. {@code US}, {@code GB})
     */
    public record Phone(@DefaultValue("US") String defaultRegion) {
        public Phone {
            defaultRegion = defaultRegion == null ? "" : defaultRegion.strip().toUpperCase(Locale.ROOT);
            if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
                throw new IllegalArgumentException("ringside.phone.default-region must be a two-letter region code such as US, GB"
                        + " or DE, not '" + defaultRegion + "'");
            }
        }
    }

    /** @param enabled whether Ringside's timers run (the keep-alive, purging, the caller feed's tick) */
    public record Scheduling(@DefaultValue("true") boolean enabled) {
    }

    private static void requireBetween(String setting, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw new IllegalArgumentException(setting + " must be between " + inWords(min) + " and " + inWords(max)
                    + (value == null ? " (it is missing)" : ", not " + inWords(value)));
        }
    }

    /** {@code 50 min}, {@code 6 days}, {@code 500 ms}: as a person writes it, not {@code PT50M}. */
    static String inWords(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % Duration.ofDays(1).toMillis() == 0) {
            return duration.toDays() + (duration.toDays() == 1 ? " day" : " days");
        }
        if (millis != 0 && millis % Duration.ofHours(1).toMillis() == 0) {
            return duration.toHours() + " h";
        }
        if (millis != 0 && millis % Duration.ofMinutes(1).toMillis() == 0) {
            return duration.toMinutes() + " min";
        }
        if (millis % 1000 == 0) {
            return duration.toSeconds() + " s";
        }
        return millis + " ms";
    }

    /** A password as set, or null when not set; never repeated in a message. */
    private static String password(String value, String variable) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = new Password(value).lengthProblem();
        if (problem != null) {
            throw new IllegalArgumentException(variable + ": " + problem);
        }
        return value;
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

    /** Passwords print masked: this record may end up in a log line or an error message. */
    @Override
    public String toString() {
        return "RingsideProperties[recentCallersWindow=" + recentCallersWindow + ", refreshMargin=" + refreshMargin
                + ", keepAliveAge=" + keepAliveAge + ", refreshCheckInterval=" + refreshCheckInterval
                + ", presenceInterval=" + presenceInterval + ", callLogInterval=" + callLogInterval
                + ", heavyRequestsPerMinute=" + heavyRequestsPerMinute + ", pushReconcileInterval=" + pushReconcileInterval
                + ", timeZone=" + timeZone + ", phone=" + phone
                + ", adminPassword=" + masked(adminPassword) + ", operatorPassword=" + masked(operatorPassword)
                + ", auditRetention=" + auditRetention + ", scheduling=" + scheduling + "]";
    }

    private static String masked(String password) {
        return password == null ? "(not set)" : "********";
    }
}
