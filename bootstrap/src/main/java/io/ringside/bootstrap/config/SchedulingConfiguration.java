package io.ringside.bootstrap.config;

import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.RecentCallersFeed;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Everything that runs on a timer lives here, in bootstrap: the token keep-alive, purging expired
 * OAuth attempts, and the caller feed's tick (which does nothing while nobody watches). The application exposes plain methods.
 * Tests that drive those methods themselves set {@code ringside.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(5);

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler ringsideScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("ringside-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean(destroyMethod = "cancel")
    RingsideSchedules ringsideSchedules(ThreadPoolTaskScheduler ringsideScheduler, ConnectionKeeper keeper,
                                        PendingAuthorizationStore pendingAuthorizations, RecentCallersFeed feed,
                                        RingsideProperties settings, Clock clock,
                                        @Value("${ringside.scheduling.enabled:true}") boolean enabled) {
        if (!enabled) {
            return new RingsideSchedules(List.of());
        }
        return new RingsideSchedules(List.of(
                ringsideScheduler.scheduleWithFixedDelay(keeper::refreshIfDue, settings.refreshCheckInterval()),
                ringsideScheduler.scheduleWithFixedDelay(() -> pendingAuthorizations.purgeExpired(clock.instant()), PURGE_INTERVAL),
                ringsideScheduler.scheduleWithFixedDelay(feed::tick, settings.presenceInterval())));
    }

    /** The running schedules, cancelled when the application stops. */
    public record RingsideSchedules(List<ScheduledFuture<?>> futures) {
        public void cancel() {
            futures.forEach(future -> future.cancel(false));
        }
    }
}
