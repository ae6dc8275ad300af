package io.ringside.bootstrap.cluster;

import io.ringside.adapters.persistence.cluster.InMemoryClaimStore;
import io.ringside.adapters.persistence.cluster.InMemoryInstanceRegistry;
import io.ringside.adapters.persistence.cluster.InMemorySessionEndRequests;
import io.ringside.adapters.persistence.cluster.InMemorySharedCalls;
import io.ringside.adapters.persistence.cluster.InProcessSignals;
import io.ringside.adapters.persistence.cluster.JdbcClaimStore;
import io.ringside.adapters.persistence.cluster.JdbcInstanceRegistry;
import io.ringside.adapters.persistence.cluster.JdbcSessionEndRequests;
import io.ringside.adapters.persistence.cluster.JdbcSharedCalls;
import io.ringside.adapters.persistence.cluster.PostgresOwnership;
import io.ringside.adapters.persistence.cluster.PostgresSignals;
import io.ringside.application.port.out.ClaimStore;
import io.ringside.application.port.out.ClusterSignals;
import io.ringside.application.port.out.InstanceRegistry;
import io.ringside.application.port.out.SessionEndRequests;
import io.ringside.application.port.out.SharedCalls;
import io.ringside.application.service.Audience;
import io.ringside.application.service.ClusterAudience;
import io.ringside.application.service.ClusterStatus;
import io.ringside.application.service.FeedMirror;
import io.ringside.application.service.FeedPublisher;
import io.ringside.application.service.InstanceHeartbeat;
import io.ringside.application.service.Ownership;
import io.ringside.application.service.RecentCallersBoard;
import io.ringside.application.service.Watchers;
import io.ringside.bootstrap.security.ClusterWideSessions;
import io.ringside.bootstrap.security.OpenSessions;
import io.ringside.bootstrap.security.SessionSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import javax.sql.DataSource;
import java.time.Clock;

/**
 * Several Ringsides on one PostgreSQL behave as one: exactly one owns the RingCentral work (an advisory lock on
 * a dedicated connection), the owner shares its caller feed through the database, every instance mirrors it and
 * is nudged by {@code LISTEN/NOTIFY}, claims live in the database, and ending a person's sessions (disabled, password
 * reset, new role) reaches every instance ({@link ClusterWideSessions} is the one {@code UserSessions}). On H2 (one instance by nature) the same
 * services run on the sole, in-process implementations: this instance always owns RingCentral.
 */
@Configuration(proxyBeanMethods = false)
public class ClusterConfiguration {

    /** The advisory lock's key: "RingSide" in ASCII, so nothing else on the database picks it by chance. */
    static final long OWNER_LOCK_KEY = 0x52696e6753696465L;

    private static final Logger LOG = LoggerFactory.getLogger(ClusterConfiguration.class);

    @Bean
    SharedDatabase sharedDatabase(Environment environment) {
        SharedDatabase database = SharedDatabase.of(environment);
        LOG.info(database.shared()
                ? "Cluster: PostgreSQL, so several Ringside instances may share it; one of them owns the RingCentral work"
                : "Cluster: H2 allows one Ringside instance; it owns the RingCentral work");
        return database;
    }

    @Bean
    ThisInstance thisInstance(Clock clock) {
        return ThisInstance.startingAt(clock.instant());
    }

    @Bean
    @DependsOnDatabaseInitialization
    ClusterSignals clusterSignals(SharedDatabase database, DataSource dataSource) {
        return database.shared()
                ? new PostgresSignals(dataSource, database.url(), database.username(), database.password())
                : new InProcessSignals();
    }

    @Bean
    @DependsOnDatabaseInitialization
    SharedCalls sharedCalls(SharedDatabase database, DataSource dataSource) {
        return database.shared() ? new JdbcSharedCalls(dataSource) : new InMemorySharedCalls();
    }

    @Bean
    @DependsOnDatabaseInitialization
    InstanceRegistry instanceRegistry(SharedDatabase database, DataSource dataSource) {
        return database.shared() ? new JdbcInstanceRegistry(dataSource) : new InMemoryInstanceRegistry();
    }

    @Bean
    @DependsOnDatabaseInitialization
    ClaimStore claimStore(SharedDatabase database, DataSource dataSource) {
        return database.shared() ? new JdbcClaimStore(dataSource) : new InMemoryClaimStore();
    }

    @Bean
    @DependsOnDatabaseInitialization
    SessionEndRequests sessionEndRequests(SharedDatabase database, DataSource dataSource) {
        return database.shared() ? new JdbcSessionEndRequests(dataSource) : new InMemorySessionEndRequests();
    }

    /**
     * The application's UserSessions: ends a person's sessions here and on every other instance. Catches up at
     * each minute's session sweep too, in case a signal was lost.
     */
    @Bean
    ClusterWideSessions clusterWideSessions(OpenSessions here, SessionEndRequests requests, ClusterSignals signals,
                                            SessionSettings settings, Clock clock) {
        ClusterWideSessions sessions = new ClusterWideSessions(here, requests, signals, clock, settings.sessionMaxAge());
        here.alsoOnSweep(sessions::sweep);
        return sessions;
    }

    /** Hears every SESSIONS nudge and catches up whenever listening starts again. */
    @Bean(destroyMethod = "close")
    ClusterSignals.Subscription sessionEndListening(ClusterSignals signals, ClusterWideSessions sessions) {
        return signals.listen(sessions::signalled, sessions::reconnected);
    }

    /**
     * On PostgreSQL, asks for ownership at once, so the first of several instances owns RingCentral from the start;
     * on H2 this instance is alone and always owns it.
     */
    @Bean(destroyMethod = "release")
    Ownership ownership(SharedDatabase database, Clock clock) {
        if (!database.shared()) {
            return Ownership.alone(clock);
        }
        Ownership ownership = new Ownership(
                new PostgresOwnership(database.url(), database.username(), database.password(), OWNER_LOCK_KEY), clock);
        ownership.tick();
        return ownership;
    }

    @Bean
    Audience audience(Watchers watchers, InstanceRegistry registry, ThisInstance instance, Clock clock) {
        return new ClusterAudience(watchers, registry, instance.id(), clock);
    }

    @Bean
    FeedPublisher feedPublisher(SharedCalls shared, ClusterSignals signals, Ownership ownership, RecentCallersBoard board,
                                Clock clock) {
        FeedPublisher publisher = new FeedPublisher(shared, signals, ownership, clock);
        board.onPublish(publisher::publish);
        return publisher;
    }

    @Bean
    FeedMirror feedMirror(SharedCalls shared, RecentCallersBoard board, Ownership ownership) {
        return new FeedMirror(shared, board, ownership);
    }

    /** The mirror hears every CALLS nudge and reloads whenever listening starts again. */
    @Bean(destroyMethod = "close")
    ClusterSignals.Subscription feedMirrorListening(ClusterSignals signals, FeedMirror mirror) {
        return signals.listen(mirror::signalled, mirror::reconnected);
    }

    @Bean
    InstanceHeartbeat instanceHeartbeat(InstanceRegistry registry, Ownership ownership, Watchers watchers, ThisInstance instance,
                                        Clock clock) {
        return new InstanceHeartbeat(registry, ownership, watchers, instance.id(), instance.host(), clock);
    }

    @Bean
    ClusterStatus clusterStatus(InstanceRegistry registry, ThisInstance instance, SharedDatabase database, Clock clock) {
        return new ClusterStatus(registry, instance.id(), database.shared(), clock);
    }
}
