package io.ringside.archfixture.adapters.persistence;

import io.ringside.archfixture.domain.Money;

public class JdbcStore {
    public Money load() {
        return new Money(1);
    }
}
