package io.ringside.bootstrap.benchmark;

import io.ringside.application.service.Auditor;
import io.ringside.application.testing.InMemoryAuditLog;
import io.ringside.adapters.ringcentral.RingCentralAdapter;
import io.ringside.application.service.AuthenticatedRingCentral;
import io.ringside.application.service.CallFeedScheduler;
import io.ringside.application.service.CallSync;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.FeedSettings;
import io.ringside.application.service.PushLink;
import io.ringside.application.service.RecentCallersBoard;
import io.ringside.application.service.Watchers;
import io.ringside.application.testing.InMemoryConnectionStore;
import io.ringside.domain.CallBoard;
import io.ringside.domain.RecentCallers;
import io.ringside.domain.RefreshPolicy;
import io.ringside.domain.RingCentralConnection;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Ringside's caller feed wired as bootstrap wires it (ApplicationConfiguration, SchedulingConfiguration):
 * one board, its watchers, the authenticated RingCentral (401 → refresh once, also the push adapter's
 * tokens), the push link on the adapter's CallNotifications, the call sync, and the scheduler's
 * {@code tick()} every second on a scheduler thread of its own (with the token keep-alive every minute
 * beside it, like bootstrap's two-thread scheduler). The real HTTP and WebSocket adapter talks to the
 * simulator; the connection was made through the simulator's consent page.
 */
final class RingsideFeed implements AutoCloseable {

    final RingCentralAdapter adapter;
    final Watchers watchers;
    final RecentCallersBoard board;
    final PushLink push;
    final CallSync sync;
    final CallFeedScheduler scheduler;
    final AtomicInteger failedTicks = new AtomicInteger();
    private final ScheduledThreadPoolExecutor threads;

    private RingsideFeed(RingCentralAdapter adapter, Watchers watchers, RecentCallersBoard board, PushLink push, CallSync sync,
                         CallFeedScheduler scheduler, ScheduledThreadPoolExecutor threads) {
        this.adapter = adapter;
        this.watchers = watchers;
        this.board = board;
        this.push = push;
        this.sync = sync;
        this.scheduler = scheduler;
        this.threads = threads;
    }

    /**
     * Connects RingCentral through the simulator's consent flow, wires the feed, and starts ticking.
     * With {@code settings.pushEnabled()} false the adapter's push is turned off too, as
     * {@code ringcentral.push-enabled=false} does in bootstrap.
     */
    static RingsideFeed start(SimulatorHarness simulator, FeedSettings settings) throws Exception {
        Clock clock = Clock.systemUTC();
        RingCentralAdapter adapter = simulator.adapter(s -> s.pushEnabled(settings.pushEnabled()));
        InMemoryConnectionStore store = new InMemoryConnectionStore();
        store.saveIfVersionMatches(RingCentralConnection.establish(simulator.connect(adapter), "benchmark", Instant.now()));
        RecentCallers policy = RecentCallers.withDefaultWindow();

        ConnectionKeeper keeper = new ConnectionKeeper(store, adapter.authorization(), RefreshPolicy.DEFAULT,
                new Auditor(new InMemoryAuditLog(), clock), clock);
        Watchers watchers = new Watchers();
        RecentCallersBoard board = new RecentCallersBoard(new CallBoard(policy), watchers, clock);
        AuthenticatedRingCentral ringCentral = new AuthenticatedRingCentral(keeper, adapter.calls());
        PushLink push = new PushLink(adapter.notifications(), ringCentral, board, clock);
        CallSync sync = new CallSync(ringCentral, board, policy, clock);
        CallFeedScheduler scheduler = new CallFeedScheduler(keeper, push, sync, board, watchers, settings, clock);

        AtomicInteger names = new AtomicInteger();
        ScheduledThreadPoolExecutor threads = new ScheduledThreadPoolExecutor(2, task -> {
            Thread thread = new Thread(task, "ringside-" + names.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        RingsideFeed feed = new RingsideFeed(adapter, watchers, board, push, sync, scheduler, threads);
        threads.scheduleWithFixedDelay(() -> {
            try {
                keeper.refreshIfDue();
            } catch (RuntimeException e) {
                System.err.println("keep-alive failed: " + e);
            }
        }, 60, 60, TimeUnit.SECONDS);
        return feed;
    }

    /** Starts the scheduler's tick, every second with a fixed delay (SchedulingConfiguration.FEED_TICK). */
    void startTicking() {
        threads.scheduleWithFixedDelay(() -> {
            try {
                scheduler.tick();
            } catch (RuntimeException e) {
                failedTicks.incrementAndGet();
                System.err.println("tick() failed (it runs again on schedule): " + e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Push live and covering every extension. */
    boolean pushHealthy() {
        return push.coversCompany();
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        push.close();
        adapter.close();
    }
}
