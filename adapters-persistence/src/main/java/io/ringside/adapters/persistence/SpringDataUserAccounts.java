package io.ringside.adapters.persistence;

import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.UsernameTakenException;
import io.ringside.domain.UserAccount;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The people who log in, in {@code app_user}, through the {@link UserRows} repository. Spring Data JDBC
 * keeps the version: an account at version 0 is inserted (stored as 1), any other is updated only if
 * the row is still at that version. A login attempt's bookkeeping is stored by a query of its own that leaves the
 * version alone ({@link UserRows#recordLoginState}). Spring Data reports a failed statement wrapped in its own
 * exception, so the causes are searched for the unique username and the lost optimistic lock.
 */
public class SpringDataUserAccounts implements UserAccounts {

    private final UserRows rows;
    private final Clock clock;

    SpringDataUserAccounts(UserRows rows, Clock clock) {
        this.rows = Objects.requireNonNull(rows, "rows");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<UserAccount> byId(UUID id) {
        return id == null ? Optional.empty() : rows.findById(id).map(UserRow::toAccount);
    }

    @Override
    public Optional<UserAccount> byUsername(String username) {
        String stored;
        try {
            stored = UserAccount.username(username);
        } catch (IllegalArgumentException | NullPointerException notAUsername) {
            return Optional.empty(); // nobody can have it, and junk never reaches a query
        }
        return rows.findByUsername(stored).map(UserRow::toAccount);
    }

    @Override
    public List<UserAccount> all() {
        return rows.findAllByOrderByUsernameAsc().stream().map(UserRow::toAccount).toList();
    }

    @Override
    public boolean isEmpty() {
        return rows.count() == 0;
    }

    @Override
    public UserAccount add(UserAccount user) {
        if (user.version() != 0) {
            throw new IllegalArgumentException("Only a new account (version 0) can be added; this one is stored already");
        }
        try {
            return rows.save(UserRow.of(user, clock.instant())).toAccount();
        } catch (RuntimeException failed) {
            if (causedBy(failed, DuplicateKeyException.class) && rows.findByUsername(user.username()).isPresent()) {
                throw new UsernameTakenException(user.username());
            }
            throw failed;
        }
    }

    @Override
    public UserAccount update(UserAccount user) {
        if (user.version() == 0) {
            // Spring Data would insert it; a change is only ever made to an account read from here.
            throw new IllegalArgumentException("A new account (version 0) is added, not updated");
        }
        try {
            return rows.save(UserRow.of(user, null)).toAccount(); // created_at is insert-only
        } catch (RuntimeException failed) {
            if (causedBy(failed, OptimisticLockingFailureException.class)) {
                throw new ConcurrentChangeException("The user " + user.username());
            }
            throw failed;
        }
    }

    @Override
    public boolean recordLoginState(UserAccount before, UserAccount after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("before and after are two people");
        }
        return rows.recordLoginState(before.id(), before.version(), before.failedLogins(), before.lockedUntil(),
                before.lastLoginAt(), after.failedLogins(), after.lockedUntil(), after.lastLoginAt()) == 1;
    }

    @Override
    public long countEnabledAdmins() {
        return rows.countEnabledAdmins();
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
