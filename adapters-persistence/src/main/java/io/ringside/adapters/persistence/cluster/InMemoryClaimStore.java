package io.ringside.adapters.persistence.cluster;

import io.ringside.application.port.out.ClaimStore;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The claims of a single instance, kept in memory: one per number, the latest put wins. */
public final class InMemoryClaimStore implements ClaimStore {

    private final Map<PhoneNumber, Claim> byPhone = new ConcurrentHashMap<>();

    @Override
    public void put(Claim claim) {
        byPhone.put(claim.phone(), claim);
    }

    @Override
    public boolean release(PhoneNumber phone, UUID by) {
        Claim claim = byPhone.get(phone);
        return claim != null && claim.isBy(by) && byPhone.remove(phone, claim);
    }

    @Override
    public int expire(Instant now) {
        int removed = 0;
        for (Claim claim : List.copyOf(byPhone.values())) {
            if (!claim.isActive(now) && byPhone.remove(claim.phone(), claim)) {
                removed++;
            }
        }
        return removed;
    }

    @Override
    public List<Claim> active(Instant now) {
        return byPhone.values().stream()
                .filter(claim -> claim.isActive(now))
                .sorted(Comparator.comparing(Claim::at).thenComparing(claim -> claim.phone().e164()))
                .toList();
    }
}
