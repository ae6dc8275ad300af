package io.ringside.application.service;

import io.ringside.application.port.in.Colleague;
import io.ringside.application.port.in.SearchIntakes;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeQuery;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The intakes page's reads: pages of a bounded size (no request can ask the store for everything at once), the
 * count, the export, and the people a "saved by" filter offers.
 */
public final class IntakeSearch implements SearchIntakes {

    /** The most intakes one page may hold. */
    public static final int MAX_PAGE_SIZE = 500;

    private final IntakeStore intakes;
    private final UserAccounts accounts;

    public IntakeSearch(IntakeStore intakes, UserAccounts accounts) {
        this.intakes = Objects.requireNonNull(intakes, "intakes");
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    @Override
    public List<Intake> find(IntakeQuery query, int offset, int limit) {
        Objects.requireNonNull(query, "query");
        if (offset < 0) {
            throw new IllegalArgumentException("A page starts at intake 0 or later, not " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " intakes, not " + limit);
        }
        return intakes.find(query, offset, limit);
    }

    @Override
    public long count(IntakeQuery query) {
        return intakes.count(Objects.requireNonNull(query, "query"));
    }

    @Override
    public void export(IntakeQuery query, Consumer<Intake> each) {
        intakes.forEach(Objects.requireNonNull(query, "query"), Objects.requireNonNull(each, "each"));
    }

    /**
     * Everyone with an account, disabled people too: someone who has left still saved the intakes they saved.
     * Ordered as a person reads names (case and accents do not push "élodie" after "Zoe").
     */
    @Override
    public List<Colleague> colleagues() {
        Comparator<Colleague> byName = Comparator.comparing(Colleague::displayName, Collator.getInstance(Locale.ROOT));
        return accounts.all().stream()
                .map(account -> new Colleague(account.id(), account.displayName()))
                .sorted(byName)
                .toList();
    }
}
