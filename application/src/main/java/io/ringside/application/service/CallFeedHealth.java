package io.ringside.application.service;

import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.RequestUsage;
import io.ringside.application.port.out.RingCentralUsage;

import java.util.List;
import java.util.function.Supplier;

/** The caller feed's health for the admin page, gathered from the parts that know it. */
public final class CallFeedHealth implements Supplier<FeedHealth> {

    private final RecentCallersBoard board;
    private final PushLink push;
    private final CallSync sync;
    private final Watchers watchers;
    private final RingCentralUsage usage;

    public CallFeedHealth(RecentCallersBoard board, PushLink push, CallSync sync, Watchers watchers, RingCentralUsage usage) {
        this.board = board;
        this.push = push;
        this.sync = sync;
        this.watchers = watchers;
        this.usage = usage;
    }

    @Override
    public FeedHealth get() {
        List<RequestUsage> requests = usage.usage().stream()
                .map(group -> new RequestUsage(group.group(), group.limit(), group.sentInWindow(), group.blockedUntil(), group.blockReason()))
                .toList();
        return new FeedHealth(board.status(), push.health(), sync.lastPresenceSync(), sync.lastCallLogSync(), requests,
                watchers.count());
    }
}
