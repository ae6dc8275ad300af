package io.ringside.application.testing;

import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.domain.PendingAuthorization;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Take-once semantics of {@link PendingAuthorizationStore}, in memory. */
public class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {

    private final Map<String, PendingAuthorization> byState = new ConcurrentHashMap<>();

    @Override
    public void save(PendingAuthorization pending) {
        byState.put(pending.state(), pending);
    }

    @Override
    public Optional<PendingAuthorization> take(String state, Instant now) {
        return Optional.ofNullable(byState.remove(state)).filter(pending -> !pending.isExpiredAt(now));
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = byState.size();
        byState.values().removeIf(pending -> pending.isExpiredAt(now));
        return before - byState.size();
    }

    public int size() {
        return byState.size();
    }
}
