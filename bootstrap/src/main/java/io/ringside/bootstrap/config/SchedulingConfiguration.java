package io.ringside.bootstrap.config;

import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.service.AuditRetention;
import io.ringside.application.service.CallerClaims;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.FeedMirror;
import io.ringside.application.service.InstanceHeartbeat;
import io.ringside.application.service.Ownership;
import io.ringside.application.service.CallFeedScheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

/**
 * Everything that runs on a timer lives here, in bootstrap: the token keep-alive, purging expired
 * OAuth attempts, ending claims on callers, purging old audit entries daily, and the caller feed's tick (push kept open, polls and call-log reads when due). The application exposes plain methods.
 * Tests that drive those methods themselves set {@code ringside.scheduling.enabled=false}.
 */
@Configuration(proxyBeanMethods = false)
public class SchedulingConfiguration {

    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(5);
    private static final Duration AUDIT_PURGE_INTERVAL = Duration.ofDays(1);
    /** A follower notices a dead owner's lock is free within this; takeover well under 30 s. */
    private static final Duration OWNERSHIP_CHECK = Duration.ofSeconds(2);
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    /** A follower reloads the shared feed this often even without a nudge (a NOTIFY is not replayed). */
    private static final Duration MIRROR_RELOAD = Duration.ofSeconds(15);
    /** Claims last 10 minutes; pages learn within this that one ended. */
    private static final Duration CLAIM_EXPIRY_INTERVAL = Duration.ofSeconds(30);
    /** The feed decides each second what is due; most ticks send nothing. */
    private static final Duration FEED_TICK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(SchedulingConfiguration.class);

    @Bean(destroyMethod = "shutdown")
    ThreadPoolTaskScheduler ringsideScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(4);
        scheduler.setThreadNamePrefix("ringside-");
        scheduler.initialize();
        return scheduler;
    }

    @Bean(destroyMethod = "cancel")
    RingsideSchedules ringsideSchedules(ThreadPoolTaskScheduler ringsideScheduler, ConnectionKeeper keeper,
                                        PendingAuthorizationStore pendingAuthorizations, CallFeedScheduler feed,
                                        AuditRetention auditRetention, CallerClaims claims, Ownership ownership,
                                        InstanceHeartbeat heartbeat, FeedMirror mirror,
                                        RingsideProperties settings, Clock clock) {
        if (!settings.scheduling().enabled()) {
            return new RingsideSchedules(List.of());
        }
        return new RingsideSchedules(List.of(
                ringsideScheduler.scheduleWithFixedDelay(safely("ownership", ownership::tick), OWNERSHIP_CHECK),
                ringsideScheduler.scheduleWithFixedDelay(safely("instance heartbeat", heartbeat::beat), HEARTBEAT),
                ringsideScheduler.scheduleWithFixedDelay(safely("feed mirror", mirror::tick), MIRROR_RELOAD),
                ringsideScheduler.scheduleWithFixedDelay(() -> ownership.ifOwner(keeper::refreshIfDue), settings.refreshCheckInterval()),
                ringsideScheduler.scheduleWithFixedDelay(() -> pendingAuthorizations.purgeExpired(clock.instant()), PURGE_INTERVAL),
                ringsideScheduler.scheduleWithFixedDelay(safely("caller feed", feed::tick), FEED_TICK),
                ringsideScheduler.scheduleWithFixedDelay(safely("claim expiry", claims::expire), CLAIM_EXPIRY_INTERVAL),
                // The first purge runs at start-up, then once a day.
                ringsideScheduler.scheduleWithFixedDelay(safely("audit purge", auditRetention::purge), AUDIT_PURGE_INTERVAL)));
    }

    /** A task that fails is logged and runs again next time (a scheduler stops repeating a task that threw). */
    static Runnable safely(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("The {} task failed; it runs again on schedule", what, e);
            }
        };
    }

    /** The running schedules, cancelled when the application stops. */
    public record RingsideSchedules(List<ScheduledFuture<?>> futures) {
        public void cancel() {
            futures.forEach(future -> future.cancel(false));
        }
    }
}
