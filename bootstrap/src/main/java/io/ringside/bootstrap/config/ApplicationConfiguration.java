package io.ringside.bootstrap.config;

import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.port.out.IntakeStore;
import io.ringside.application.port.out.PendingAuthorizationStore;
import io.ringside.application.port.out.RingCentralAuthorization;
import io.ringside.application.port.out.RingCentralCalls;
import io.ringside.application.service.ConnectRingCentralService;
import io.ringside.application.service.ConnectionKeeper;
import io.ringside.application.service.DisconnectRingCentralService;
import io.ringside.application.service.IntakeService;
import io.ringside.application.service.RecentCallersFeed;
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
                                                 RingCentralAuthorization ringCentral, Clock clock, SecureRandom random) {
        return new ConnectRingCentralService(pendingAuthorizations, connections, ringCentral, clock, random);
    }

    @Bean
    DisconnectRingCentralService disconnectRingCentral(ConnectionStore connections, RingCentralAuthorization ringCentral) {
        return new DisconnectRingCentralService(connections, ringCentral);
    }

    @Bean
    ConnectionKeeper connectionKeeper(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                      RingsideProperties settings, Clock clock) {
        return new ConnectionKeeper(connections, ringCentral, settings.refreshPolicy(), clock);
    }

    @Bean
    RecentCallersFeed recentCallersFeed(ConnectionKeeper connectionKeeper, RingCentralCalls ringCentral,
                                        RingsideProperties settings, Clock clock) {
        return new RecentCallersFeed(connectionKeeper, ringCentral, settings.recentCallers(), settings.feedSettings(), clock);
    }

    @Bean
    ViewConnectionService viewConnection(ConnectionStore connections, RingCentralAuthorization ringCentral,
                                         RecentCallersFeed feed) {
        return new ViewConnectionService(connections, ringCentral, feed::health);
    }

    @Bean
    IntakeService intakes(IntakeStore intakes, Clock clock, RingsideProperties settings) {
        return new IntakeService(intakes, clock, settings.timeZone());
    }
}
