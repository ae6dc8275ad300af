package io.ringside.archfixture.adapters.persistence;

import io.ringside.archfixture.ui.MoneyView;

/** Wrong on purpose: a persistence adapter that depends on the UI (and makes a module cycle with it). */
public class StoreShowingAView {
    void show(MoneyView view) {
        view.show();
    }
}
