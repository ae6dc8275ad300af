package io.ringside.application.testing;

import io.ringside.application.port.out.ClaimStore;
import io.ringside.domain.Claim;
import io.ringside.domain.PhoneNumber;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The claim table of one database, shared by every instance given this object. */
public final class InMemoryClaimStore implements ClaimStore {

    private final Map<PhoneNumber, Claim> byNumber = new LinkedHashMap<>();

    @Override
    public synchronized void put(Claim claim) {
        byNumber.put(claim.phone(), claim);
    }

    @Override
    public synchronized boolean release(PhoneNumber phone, UUID by) {
        Claim claim = byNumber.get(phone);
        if (claim != null && claim.isBy(by)) {
            byNumber.remove(phone);
            return true;
        }
        return false;
    }

    @Override
    public synchronized int expire(Instant now) {
        int before = byNumber.size();
        byNumber.values().removeIf(claim -> !claim.isActive(now));
        return before - byNumber.size();
    }

    @Override
    public synchronized List<Claim> active(Instant now) {
        return byNumber.values().stream().filter(claim -> claim.isActive(now)).toList();
    }
}
