package io.ringside.archfixture.application;

import io.ringside.archfixture.adapters.persistence.JdbcStore;
import io.ringside.archfixture.domain.Money;

/** Wrong on purpose: a use case that calls an adapter directly. */
public class ServiceCallingAnAdapter {
    Money total(JdbcStore store) {
        return store.load();
    }
}
