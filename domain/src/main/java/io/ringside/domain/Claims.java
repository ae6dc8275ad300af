package io.ringside.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is on which caller now: the newest claim per number wins, claims end after {@link Claim#LASTS} or
 * when their operator saves an intake for the number. Plain and single-threaded; the owner locks.
 */
public final class Claims {

    private final Map<PhoneNumber, Claim> byNumber = new LinkedHashMap<>();

    /** @return whether what colleagues see changed */
    public boolean claim(Claim claim) {
        Claim before = byNumber.put(claim.phone(), claim);
        return before == null || !before.userId().equals(claim.userId());
    }

    /** An intake was saved: the saver's claim on that number is done. */
    public boolean saved(PhoneNumber phone, UUID by) {
        Claim claim = byNumber.get(phone);
        if (claim != null && claim.isBy(by)) {
            byNumber.remove(phone);
            return true;
        }
        return false;
    }

    /** @return whether any claim ended */
    public boolean expire(Instant now) {
        return byNumber.values().removeIf(claim -> !claim.isActive(now));
    }

    public Optional<Claim> on(PhoneNumber phone, Instant now) {
        return Optional.ofNullable(byNumber.get(phone)).filter(claim -> claim.isActive(now));
    }

    public List<Claim> active(Instant now) {
        Collection<Claim> all = byNumber.values();
        return all.stream().filter(claim -> claim.isActive(now)).toList();
    }
}
