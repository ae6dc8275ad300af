package io.ringside.bootstrap.cluster;

import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.application.port.in.WatchRecentCallers;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.RecentCaller;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One whole Ringside application context (as {@code java -jar} starts it, in real RingCentral mode) in this JVM,
 * with one watching view: the {@link WatchRecentCallers} subscription an open intake page holds. Remembers when
 * that view first received a list containing each caller's number.
 */
final class RingsideInstance implements AutoCloseable {

    final String name;
    private final ConfigurableApplicationContext context;
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final WatchRecentCallers.Subscription view;
    private volatile boolean closed;

    private RingsideInstance(String name, ConfigurableApplicationContext context) {
        this.name = name;
        this.context = context;
        this.view = context.getBean(WatchRecentCallers.class).watch(this::received);
    }

    static RingsideInstance start(String name, List<String> arguments) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(RingsideApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .run(arguments.toArray(String[]::new));
        return new RingsideInstance(name, context);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** When this instance's view first showed {@code e164}, or null while it has not. */
    Long firstSeenNanos(String e164) {
        return firstSeenNanos.get(e164);
    }

    boolean hasShown(String e164) {
        return firstSeenNanos.containsKey(e164);
    }

    /** The first half of dying: nothing scheduled runs any more (the process would be gone). */
    void stopScheduledWork() {
        context.getBeansOfType(ThreadPoolTaskScheduler.class).values().forEach(ThreadPoolTaskScheduler::shutdown);
    }

    boolean closed() {
        return closed;
    }

    private void received(RecentCallersResult list) {
        long now = System.nanoTime();
        for (RecentCaller caller : list.callers()) {
            firstSeenNanos.putIfAbsent(caller.caller().number().e164(), now);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            view.close();
        } finally {
            context.close();
        }
    }
}
