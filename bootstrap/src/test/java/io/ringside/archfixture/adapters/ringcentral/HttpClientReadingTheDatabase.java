package io.ringside.archfixture.adapters.ringcentral;

import io.ringside.archfixture.adapters.persistence.JdbcStore;

/** Wrong on purpose: one adapter using another. */
public class HttpClientReadingTheDatabase {
    Object read(JdbcStore store) {
        return store.load();
    }
}
