package io.ringside.bootstrap.alert;

import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.application.port.out.AdminAlerts;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.service.LinkWatch;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.AccessToken;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.LinkIncident;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.mail.MailSender;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Without SMTP settings Ringside starts, has no mail sender at all, and still shows the admins the
 * broken link (the console's banner reads {@link WatchLinkAlert}).
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false",
                "ringside.alerts.push-down-after=10m"})
class LinkAlertWithoutMailTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    ConnectionStore connections;
    @Autowired
    LinkWatch linkWatch;
    @Autowired
    WatchLinkAlert linkAlert;

    @Test
    void noMailButTheBannerStill() {
        assertThat(context.getBeanNamesForType(MailSender.class)).isEmpty();
        Instant now = Instant.now();
        RingCentralConnection connection = RingCentralConnection.establish(new IssuedTokens(
                new AccessToken("access-x", now.plusSeconds(3600)), new RefreshToken("refresh-x", now, now.plus(Duration.ofDays(7))),
                "owner-42", "ReadCallLog"), "admin", now);
        connections.delete();
        connections.saveIfVersionMatches(connection);
        linkWatch.tick();
        connections.saveIfVersionMatches(connection.reconnectNeeded("RingCentral no longer accepts Ringside's refresh token"));

        linkWatch.tick();
        linkWatch.tick();

        assertThat(linkAlert.current()).map(LinkIncident::cause).hasValue(LinkIncident.Cause.RECONNECT_NEEDED);
        assertThat(context.getBean(AdminAlerts.class)).isInstanceOf(ConsoleOnlyAdminAlerts.class);
    }
}
