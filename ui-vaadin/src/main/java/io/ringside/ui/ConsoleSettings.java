package io.ringside.ui;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * What the console needs to know about its configuration; bootstrap provides it as a bean.
 *
 * @param demoMode      true when Ringside runs against its own RingCentral simulator (no credentials set)
 * @param zone          the time zone for "today" and for times shown ({@code ringside.time-zone})
 * @param defaultRegion the home region for phone numbers, e.g. {@code US} ({@code ringside.phone.default-region}):
 *                      numbers typed without a country code are read as this region's, and its
 *                      numbers are shown in national format
 */
public record ConsoleSettings(boolean demoMode, ZoneId zone, String defaultRegion) {

    public ConsoleSettings {
        Objects.requireNonNull(zone, "ringside.time-zone is required");
        Objects.requireNonNull(defaultRegion, "ringside.phone.default-region is required");
        defaultRegion = defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("ringside.phone.default-region must be a two-letter region code"
                    + " libphonenumber knows (e.g. US, GB, DE), not '" + defaultRegion + "'");
        }
    }
}
