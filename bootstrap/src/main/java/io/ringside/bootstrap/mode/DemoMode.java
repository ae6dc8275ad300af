package io.ringside.bootstrap.mode;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * Demo mode is on when neither RingCentral credential is set: Ringside then serves its own
 * RingCentral simulator and points the real adapter at it. One credential without the other is
 * a configuration mistake and stops start-up. This is the one place that decides; beans take the
 * {@code DemoMode} bean, conditions and environment post-processors (which run before beans exist)
 * call {@link #isOn(Environment)}.
 *
 * @param on true in demo mode
 */
public record DemoMode(boolean on) {

    public static final String CLIENT_ID = "ringcentral.client-id";
    public static final String CLIENT_SECRET = "ringcentral.client-secret";

    public static DemoMode of(Environment environment) {
        return new DemoMode(isOn(environment));
    }

    /**
     * Reads the credentials the way the RingCentral settings are bound (Spring Boot's relaxed binding),
     * so {@code RINGCENTRAL_CLIENTID} counts here exactly when it counts there.
     */
    public static boolean isOn(Environment environment) {
        Binder binder = Binder.get(environment);
        boolean hasId = hasText(binder.bind(CLIENT_ID, String.class).orElse(null));
        boolean hasSecret = hasText(binder.bind(CLIENT_SECRET, String.class).orElse(null));
        if (hasId != hasSecret) {
            throw new IllegalStateException("RINGCENTRAL_CLIENT_ID and RINGCENTRAL_CLIENT_SECRET go together: "
                    + (hasId ? "RINGCENTRAL_CLIENT_SECRET" : "RINGCENTRAL_CLIENT_ID")
                    + " is missing. Set both to use a real RingCentral app, or neither for demo mode.");
        }
        return !hasId;
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
