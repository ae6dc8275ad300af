package io.ringside.bootstrap.mode;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.util.List;
import java.util.Map;

/**
 * Makes demo mode safe to stumble into. Demo mode starts when no RingCentral credentials are set,
 * and so does a production deployment whose credentials are missing or misspelled: it would come up
 * with admin/admin, a simulator whose control endpoints need no login, and whatever database it was
 * given. So in demo mode:
 * <ul>
 *   <li>start-up is refused while any setting that only production needs is present (a database URL,
 *       an encryption key, a password, the RingCentral server or redirect URI), naming it;</li>
 *   <li>the server listens on localhost only, unless {@code server.address} is set;</li>
 *   <li>the log says DEMO MODE, as a warning.</li>
 * </ul>
 * Runs after the configuration files are read and before the data directory's post-processor writes
 * the demo key, so a refused start leaves nothing behind.
 */
public class DemoModeGuard implements EnvironmentPostProcessor, Ordered {

    /** A setting that means "this is production", as the property and the environment variable people set. */
    record ProductionSetting(String property, String variable) {
        String describe() {
            return variable + " (" + property + ")";
        }
    }

    static final List<ProductionSetting> PRODUCTION_SETTINGS = List.of(
            new ProductionSetting("spring.datasource.url", "SPRING_DATASOURCE_URL"),
            new ProductionSetting("ringside.encryption-key", "RINGSIDE_ENCRYPTION_KEY"),
            new ProductionSetting("ringside.encryption-key-previous", "RINGSIDE_ENCRYPTION_KEY_PREVIOUS"),
            new ProductionSetting("ringside.admin-password", "RINGSIDE_ADMIN_PASSWORD"),
            new ProductionSetting("ringside.operator-password", "RINGSIDE_OPERATOR_PASSWORD"),
            new ProductionSetting("ringcentral.base-url", "RINGCENTRAL_BASE_URL"),
            new ProductionSetting("ringcentral.redirect-uri", "RINGCENTRAL_REDIRECT_URI"));

    static final String SERVER_ADDRESS = "server.address";
    /** A name, not 127.0.0.1: demo mode's own links say localhost, and both ends then resolve it alike. */
    static final String LOOPBACK = "localhost";
    static final String PROPERTY_SOURCE = "ringsideDemoMode";

    private final Log log;

    public DemoModeGuard(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(DemoModeGuard.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!DemoMode.isOn(environment)) {
            return;
        }
        Binder binder = Binder.get(environment);
        refuseProductionSettings(binder);
        boolean addressSet = binder.bind(SERVER_ADDRESS, String.class).map(address -> !address.isBlank()).orElse(false);
        if (!addressSet) {
            // Last in line: an address configured anywhere else still wins.
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE, Map.of(SERVER_ADDRESS, LOOPBACK)));
        }
        log.warn("DEMO MODE: RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET are not set, so Ringside runs against its built-in "
                + "RingCentral simulator, with the logins admin/admin and operator/operator. Not for real callers. "
                + (addressSet ? "It listens on " + binder.bind(SERVER_ADDRESS, String.class).get() + " (server.address)."
                : "It listens on localhost only; set SERVER_ADDRESS (e.g. 0.0.0.0) to let other machines in."));
    }

    private static void refuseProductionSettings(Binder binder) {
        List<ProductionSetting> present = PRODUCTION_SETTINGS.stream()
                .filter(setting -> binder.bind(setting.property(), String.class).map(value -> !value.isBlank()).orElse(false))
                .toList();
        if (present.isEmpty()) {
            return;
        }
        String named = inWords(present.stream().map(ProductionSetting::describe).toList());
        String variables = inWords(present.stream().map(ProductionSetting::variable).toList());
        boolean one = present.size() == 1;
        throw new StartUpRefusedException(
                named + (one ? " is" : " are") + " set, but RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET are not, so Ringside"
                        + " would start in demo mode: a simulated RingCentral, the logins admin/admin and operator/operator, and"
                        + " simulator endpoints that need no login. That is never what a production setting is for, so Ringside"
                        + " does not start.",
                "To run with your RingCentral app, set RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET (check their spelling)."
                        + " To try the demo, remove " + variables + ".");
    }

    /** "A", "A and B", "A, B and C". */
    private static String inWords(List<String> names) {
        if (names.size() == 1) {
            return names.getFirst();
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.getLast();
    }

    @Override
    public int getOrder() {
        // After ConfigDataEnvironmentPostProcessor (HIGHEST_PRECEDENCE + 10) has read the configuration files,
        // before DataDirectoryEnvironmentPostProcessor (LOWEST_PRECEDENCE - 100) writes the demo key.
        return Ordered.LOWEST_PRECEDENCE - 110;
    }
}
