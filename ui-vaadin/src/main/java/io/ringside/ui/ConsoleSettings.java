package io.ringside.ui;

import java.time.ZoneId;
import java.util.Objects;

/**
 * What the console needs to know about its configuration; bootstrap provides it as a bean, from
 * settings it has already validated.
 *
 * @param demoMode      true when Ringside runs against its own RingCentral simulator (no credentials set)
 * @param zone          the time zone for "today" and for times shown ({@code ringside.time-zone})
 * @param defaultRegion the home region for phone numbers, e.g. {@code US} ({@code ringside.phone.default-region},
 *                      checked where it is bound): numbers typed without a country code are read as this
 *                      region's, and its numbers are shown in national format
 */
public record ConsoleSettings(boolean demoMode, ZoneId zone, String defaultRegion) {

    /** Leads every page title in demo mode, so a tab or a bookmark never passes for the real thing. */
    public static final String DEMO_TITLE_PREFIX = "DEMO MODE · ";

    public ConsoleSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(defaultRegion, "defaultRegion");
    }

    /** A page's title as the browser shows it: {@code DEMO MODE · Caller intake · Ringside} in demo mode. */
    public String pageTitle(String title) {
        return demoMode ? DEMO_TITLE_PREFIX + title : title;
    }
}
