package io.ringside.bootstrap.config;

import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.UserAccounts;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.CallNotifications;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.port.out.RingCentralUsage;
import io.ringside.application.service.Audience;
import io.ringside.application.service.Auditor;
import io.ringside.application.service.Ownership;
import io.ringside.application.service.CallerClaims;
import io.ringside.application.service.ConnectRingCentralService;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.DisconnectRingCentralService;
import io.ringside.application.service.CallerRecognition;
import io.ringside.application.service.IntakeCorrections;
import io.ringside.application.service.IntakeSearch;
import io.ringside.application.service.IntakeService;
import io.ringside.application.service.AuthenticatedRingCentral;
import io.ringside.application.service.CallFeedHealth;
import io.ringside.application.service.CallFeedScheduler;
import io.ringside.application.service.CallSync;
import io.ringside.application.service.PushLink;
import io.ringside.application.service.RecentCallersBoard;
import io.ringside.application.service.Watchers;
import io.ringside.domain.CallBoard;
import io.ringside.application.service.ViewConnectionService;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.security.SecureRandom;
import java.time.Clock;

/** The use cases, built from the ports the adapters provide. The services themselves know no Spring. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RingsideProperties.class)
public class ApplicationConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Bean
    ConnectRingCentralService connectRingCentral(PendingAuthorizationStore pendingAuthorizations, ConnectionStore connections,
                                                 RingCentralAuthorization ringCentral, Auditor auditor, Clock clock,
                                                 SecureRandom random) {
        return new ConnectRingCentralService(pendingAuthorizations, connections, ringCentral, auditor, clock, random);
    }

    @Bean
    DisconnectRingCentralService disconnectRingCentral(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                                       Auditor auditor) {
        return new DisconnectRingCentralService(connections, ringCentral, auditor);
    }

    @Bean
    ConnectionKeeper connectionKeeper(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                      RingsideProperties settings, Auditor auditor, Clock clock, Ownership ownership) {
        // Only the owner refreshes; a follower handed a rejected token waits for the owner's new one.
        return new ConnectionKeeper(connections, ringCentral, settings.refreshPolicy(), auditor, clock, ownership,
                ConnectionKeeper.Pause.SLEEP);
    }

    @Bean
    Watchers recentCallersWatchers() {
        return new Watchers();
    }

    @Bean
    RecentCallersBoard recentCallersBoard(Watchers watchers, RingsideProperties settings, Clock clock) {
        return new RecentCallersBoard(new CallBoard(settings.recentCallers()), watchers, clock);
    }

    @Bean
    AuthenticatedRingCentral authenticatedRingCentral(ConnectionKeeper connectionKeeper, RingCentralCalls ringCentral) {
        return new AuthenticatedRingCentral(connectionKeeper, ringCentral);
    }

    @Bean
    PushLink pushLink(CallNotifications notifications, AuthenticatedRingCentral tokens, RecentCallersBoard board, Clock clock) {
        return new PushLink(notifications, tokens, board, clock);
    }

    @Bean
    CallSync callSync(AuthenticatedRingCentral ringCentral, RecentCallersBoard board, RingsideProperties settings, Clock clock) {
        return new CallSync(ringCentral, board, settings.recentCallers(), clock);
    }

    @Bean
    CallFeedScheduler callFeedScheduler(ConnectionKeeper connectionKeeper, PushLink push, CallSync sync, RecentCallersBoard board,
                                        Ownership ownership, Audience audience, RingsideProperties settings,
                                        RingCentralSettings ringCentral, Clock clock) {
        return new CallFeedScheduler(connectionKeeper, push, sync, board, ownership, audience,
                settings.feedSettings().withPushEnabled(ringCentral.pushEnabled()), clock);
    }

    @Bean
    CallFeedHealth callFeedHealth(RecentCallersBoard board, PushLink push, CallSync sync, Watchers watchers, RingCentralUsage usage) {
        return new CallFeedHealth(board, push, sync, watchers, usage);
    }

    @Bean
    ViewConnectionService viewConnection(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                         CallFeedHealth feedHealth) {
        return new ViewConnectionService(connections, ringCentral, feedHealth);
    }

    @Bean
    IntakeService intakes(IntakeStore intakes, Auditor auditor, CallerClaims claims, Clock clock, RingsideProperties settings) {
        return new IntakeService(intakes, auditor, claims, clock, settings.timeZone());
    }

    @Bean
    IntakeSearch intakeSearch(IntakeStore intakes, UserAccounts accounts) {
        return new IntakeSearch(intakes, accounts);
    }

    @Bean
    IntakeCorrections intakeCorrections(IntakeStore intakes, UserAccounts accounts, Auditor auditor, Clock clock,
                                        RingsideProperties settings) {
        return new IntakeCorrections(intakes, accounts, auditor, clock, settings.timeZone());
    }

    @Bean
    CallerRecognition callerRecognition(IntakeStore intakes) {
        return new CallerRecognition(intakes);
    }
}
