package io.ringside.archfixture.ui;

import io.ringside.archfixture.adapters.persistence.JdbcStore;

/** Wrong on purpose: a view reading a store instead of calling a use case. */
public class ViewReadingTheDatabase {
    Object read(JdbcStore store) {
        return store.load();
    }
}
