package io.ringside.bootstrap.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long a console session lives ({@code ringside.session-*}), validated at start-up: a bad value stops
 * start-up with a message naming the setting.
 *
 * @param sessionIdleTimeout {@code ringside.session-idle-timeout}: a session ends after this long without user input
 *                           (clicks, typing, page loads; Vaadin's polls, heartbeats and push do not count); 1 min – 24 h
 * @param sessionMaxAge      {@code ringside.session-max-age}: a session ends this long after its login, input or not;
 *                           at least the idle timeout, at most 7 days
 */
@ConfigurationProperties("ringside")
public record SessionSettings(@DefaultValue("30m") Duration sessionIdleTimeout, @DefaultValue("12h") Duration sessionMaxAge) {

    static final Duration SHORTEST_IDLE = Duration.ofMinutes(1);
    static final Duration LONGEST_IDLE = Duration.ofHours(24);
    static final Duration LONGEST_MAX_AGE = Duration.ofDays(7);

    public SessionSettings {
        if (sessionIdleTimeout == null || sessionIdleTimeout.compareTo(SHORTEST_IDLE) < 0 || sessionIdleTimeout.compareTo(LONGEST_IDLE) > 0) {
            throw new IllegalArgumentException("ringside.session-idle-timeout must be between 1 min and 24 h"
                    + (sessionIdleTimeout == null ? " (it is missing)" : ", not " + inWords(sessionIdleTimeout)));
        }
        if (sessionMaxAge == null || sessionMaxAge.compareTo(sessionIdleTimeout) < 0 || sessionMaxAge.compareTo(LONGEST_MAX_AGE) > 0) {
            throw new IllegalArgumentException("ringside.session-max-age must be at least ringside.session-idle-timeout ("
                    + inWords(sessionIdleTimeout) + ") and at most 7 days" + (sessionMaxAge == null ? " (it is missing)" : ", not " + inWords(sessionMaxAge)));
        }
    }

    public static SessionSettings defaults() {
        return new SessionSettings(Duration.ofMinutes(30), Duration.ofHours(12));
    }

    /** "30 minutes", "12 hours", "90 seconds": for the audit trail and messages. */
    static String inWords(Duration duration) {
        if (duration.toSeconds() % 3600 == 0) {
            return plural(duration.toHours(), "hour");
        }
        if (duration.toSeconds() % 60 == 0) {
            return plural(duration.toMinutes(), "minute");
        }
        return plural(duration.toSeconds(), "second");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
