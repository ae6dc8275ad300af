package io.ringside.archfixture.bootstrap;

import io.ringside.archfixture.adapters.persistence.JdbcStore;

/** Correct: bootstrap may see adapters. */
public class Wiring {
    JdbcStore store() {
        return new JdbcStore();
    }
}
