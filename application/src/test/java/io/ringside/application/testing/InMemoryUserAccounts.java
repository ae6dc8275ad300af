package io.ringside.application.testing;

import io.ringside.application.port.out.ConcurrentChangeException;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.UsernameTakenException;
import io.ringside.domain.UserAccount;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The people who log in, in memory, with the store's checks (like the database adapter's): updates check and bump
 * the version; login records check the version and the login state, and store only the latter.
 */
public final class InMemoryUserAccounts implements UserAccounts {

    private final Map<UUID, UserAccount> users = new LinkedHashMap<>();
    private int updates;
    private int loginRecords;
    private Runnable beforeNextUpdate;

    @Override
    public synchronized Optional<UserAccount> byId(UUID id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized Optional<UserAccount> byUsername(String username) {
        String name = UserAccount.username(username);
        return users.values().stream().filter(user -> user.username().equals(name)).findFirst();
    }

    @Override
    public synchronized List<UserAccount> all() {
        return users.values().stream().sorted(Comparator.comparing(UserAccount::username)).toList();
    }

    @Override
    public synchronized boolean isEmpty() {
        return users.isEmpty();
    }

    @Override
    public synchronized UserAccount add(UserAccount user) {
        if (byUsername(user.username()).isPresent()) {
            throw new UsernameTakenException(user.username());
        }
        UserAccount stored = user.atVersion(1);
        users.put(stored.id(), stored);
        return stored;
    }

    @Override
    public UserAccount update(UserAccount user) {
        runWhatHappensMeanwhile();
        synchronized (this) {
            UserAccount current = users.get(user.id());
            if (current == null || current.version() != user.version()) {
                throw new ConcurrentChangeException("User " + user.username());
            }
            UserAccount stored = user.atVersion(user.version() + 1);
            users.put(stored.id(), stored);
            updates++;
            return stored;
        }
    }

    @Override
    public boolean recordLoginState(UserAccount before, UserAccount after) {
        if (!before.id().equals(after.id())) {
            throw new IllegalArgumentException("before and after are two people");
        }
        runWhatHappensMeanwhile();
        synchronized (this) {
            UserAccount current = users.get(before.id());
            if (current == null || current.version() != before.version() || current.failedLogins() != before.failedLogins()
                    || !Objects.equals(current.lockedUntil(), before.lockedUntil())
                    || !Objects.equals(current.lastLoginAt(), before.lastLoginAt())) {
                return false;
            }
            users.put(current.id(), new UserAccount(current.id(), current.username(), current.displayName(), current.role(),
                    current.extension(), current.enabled(), current.passwordHash(), after.failedLogins(), after.lockedUntil(),
                    after.lastLoginAt(), current.mustChangePassword(), current.version()));
            loginRecords++;
            return true;
        }
    }

    @Override
    public synchronized long countEnabledAdmins() {
        return users.values().stream().filter(user -> user.enabled() && user.isAdmin()).count();
    }

    /** Runs {@code change} (say, someone else's update) just before the next update or login record is checked, once. */
    public synchronized void beforeNextUpdate(Runnable change) {
        beforeNextUpdate = change;
    }

    /** Replaces a stored person as if someone else saved them (the version moves on). */
    public synchronized UserAccount changeBehindTheBack(UserAccount changed) {
        UserAccount stored = changed.atVersion(users.get(changed.id()).version() + 1);
        users.put(stored.id(), stored);
        return stored;
    }

    public synchronized UserAccount get(String username) {
        return byUsername(username).orElseThrow();
    }

    /** How many (versioned) updates were stored. */
    public synchronized int updates() {
        return updates;
    }

    /** How many login records were stored. */
    public synchronized int loginRecords() {
        return loginRecords;
    }

    private void runWhatHappensMeanwhile() {
        Runnable meanwhile;
        synchronized (this) {
            meanwhile = beforeNextUpdate;
            beforeNextUpdate = null;
        }
        if (meanwhile != null) {
            meanwhile.run();
        }
    }
}
