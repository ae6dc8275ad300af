package io.ringside.bootstrap.people;

import io.ringside.application.service.FirstAccounts;
import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.DemoMode;
import io.ringside.bootstrap.mode.StartUpRefusedException;
import io.ringside.domain.Password;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Makes sure someone can log in, once every bean exists and before Ringside serves a request: in demo
 * mode the demo team is seeded (when nobody exists yet); otherwise, on first start, {@code RINGSIDE_ADMIN_PASSWORD}
 * creates {@code admin} (and {@code RINGSIDE_OPERATOR_PASSWORD}, if set, {@code operator}, once). Later
 * starts change nobody: a password changed in the console stays changed.
 */
final class FirstUsersAtStartUp implements SmartInitializingSingleton {

    private final FirstAccounts accounts;
    private final DemoMode demoMode;
    private final RingsideProperties settings;

    FirstUsersAtStartUp(FirstAccounts accounts, DemoMode demoMode, RingsideProperties settings) {
        this.accounts = accounts;
        this.demoMode = demoMode;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (demoMode.on()) {
            accounts.seedDemo();
            return;
        }
        try {
            accounts.ensureFirstUsers(password(settings.adminPassword()), password(settings.operatorPassword()));
        } catch (IllegalStateException noAdminPassword) {
            throw new StartUpRefusedException("Nobody can log in to Ringside yet, and RINGSIDE_ADMIN_PASSWORD is not set.",
                    "Set RINGSIDE_ADMIN_PASSWORD (or ringside.admin-password) for the first start: it creates the admin"
                            + " user 'admin' with that password (12 to 64 characters). Once admin exists, the variable is"
                            + " no longer read; add everyone else on the Users page.");
        }
    }

    private static Password password(String value) {
        return value == null ? null : new Password(value);
    }
}
