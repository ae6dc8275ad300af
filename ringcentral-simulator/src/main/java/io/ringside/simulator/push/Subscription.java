package io.ringside.simulator.push;

import java.time.Instant;
import java.util.List;

/** A session's one subscription: its id, its event filters and when it was created. */
record Subscription(String id, List<EventFilter> filters, Instant createdAt) {
}
