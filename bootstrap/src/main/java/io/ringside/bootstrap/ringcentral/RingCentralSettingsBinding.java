package io.ringside.bootstrap.ringcentral;

import io.ringside.adapters.ringcentral.RingCentralSettings;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.Environment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds {@code ringcentral.*} onto the adapter's {@link RingCentralSettings}: Spring Boot's binder
 * calls the record's constructor with one property per component (kebab-case of its name), relaxed
 * as everywhere in Spring Boot ({@code RINGCENTRAL_READTIMEOUT}, {@code RINGCENTRAL_READ_TIMEOUT}). The
 * record is the one list of these settings and holds their defaults and validation; nothing here
 * names a setting.
 */
public final class RingCentralSettingsBinding {

    static final String PREFIX = "ringcentral";

    private RingCentralSettingsBinding() {
    }

    /** The settings as configured. */
    public static RingCentralSettings bind(Environment environment) {
        return bind(environment, Map.of());
    }

    /**
     * The settings as configured, with some replaced.
     *
     * @param overrides values by property name (e.g. {@code ringcentral.base-url}) that win over anything configured
     */
    public static RingCentralSettings bind(Environment environment, Map<String, ?> overrides) {
        List<ConfigurationPropertySource> sources = new ArrayList<>();
        sources.add(new MapConfigurationPropertySource(overrides));
        ConfigurationPropertySources.get(environment).forEach(sources::add);
        return new Binder(sources, new PropertySourcesPlaceholdersResolver(environment)).bindOrCreate(PREFIX, RingCentralSettings.class);
    }
}
