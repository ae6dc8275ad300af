package io.ringside.simulator.push;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * WebSocket access tokens ({@code POST /restapi/oauth/wstoken}): short-lived and good for one socket
 * only, as RingCentral's guide says ("good for a single-use only"). A used, unknown or expired token
 * opens nothing.
 */
final class WsTokens {

    /** Who a token lets in: the OAuth session it was issued from, its app and its user. */
    record Grant(String oauthSessionId, String clientId, String ownerId) {
    }

    sealed interface Redeemed {
        record Admitted(Grant grant) implements Redeemed {
        }

        /** @param expired true when the token was real but too old; false when unknown or already used */
        record Refused(boolean expired) implements Redeemed {
        }
    }

    private record Issued(Grant grant, Instant expiresAt) {
    }

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Issued> issued = new HashMap<>();

    WsTokens(Clock clock) {
        this.clock = clock;
    }

    synchronized String issue(Grant grant, Duration lifetime) {
        Instant now = clock.instant();
        issued.values().removeIf(i -> !now.isBefore(i.expiresAt().plus(Duration.ofMinutes(10))));
        byte[] raw = new byte[36];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        issued.put(token, new Issued(grant, now.plus(lifetime)));
        return token;
    }

    /** Takes the token (whatever the outcome, it opens nothing again). */
    synchronized Redeemed redeem(String token) {
        Issued found = token == null ? null : issued.remove(token);
        if (found == null) {
            return new Redeemed.Refused(false);
        }
        if (!clock.instant().isBefore(found.expiresAt())) {
            return new Redeemed.Refused(true);
        }
        return new Redeemed.Admitted(found.grant());
    }

    synchronized void clear() {
        issued.clear();
    }
}
