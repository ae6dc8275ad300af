package io.ringside.bootstrap.mode;

import org.springframework.core.env.Environment;

/**
 * Demo mode is on when neither RingCentral credential is set: Ringside then serves its own
 * RingCentral simulator and points the real adapter at it. One credential without the other is
 * a configuration mistake and stops start-up.
 */
public final class DemoMode {

    public static final String CLIENT_ID = "ringcentral.client-id";
    public static final String CLIENT_SECRET = "ringcentral.client-secret";

    private DemoMode() {
    }

    public static boolean isOn(Environment environment) {
        boolean hasId = hasText(environment.getProperty(CLIENT_ID));
        boolean hasSecret = hasText(environment.getProperty(CLIENT_SECRET));
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
