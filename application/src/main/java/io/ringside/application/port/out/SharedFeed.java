package io.ringside.application.port.out;

import io.ringside.domain.InboundCall;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The owner's caller feed as every instance shows it: the calls of the window (as the owner's board sees
 * them now) and how current they are.
 *
 * @param state      how current the calls are
 * @param detail     why not current (a sentence), or null
 * @param until      for {@link State#RATE_LIMITED}, until when; else null
 * @param asOf       when the calls were last known to be current, or null
 * @param published  when the owner published this
 */
public record SharedFeed(List<InboundCall> calls, State state, String detail, Instant until, Instant asOf, Instant published) {

    public enum State { OK, NOT_CONNECTED, RECONNECT_NEEDED, UNAVAILABLE, RATE_LIMITED }

    public SharedFeed {
        calls = List.copyOf(calls);
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(published, "published");
    }
}
