package io.ringside.bootstrap.alert;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.application.port.out.ConnectionStore;
import io.ringside.application.service.LinkWatch;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.AccessToken;
import io.ringside.domain.IssuedTokens;
import io.ringside.domain.LinkIncident;
import io.ringside.domain.RefreshToken;
import io.ringside.domain.RingCentralConnection;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken-link alert mail, received by a real SMTP server (GreenMail): exactly once per incident,
 * to every configured admin, and again after the link was fixed and broke again. Ringside's own
 * scheduling is off: the test looks at the link itself, as the 15-second schedule would.
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false",
                "spring.mail.host=127.0.0.1",
                "ringside.alerts.email-to=ops@example.com, maria@example.com",
                "ringside.alerts.email-from=ringside@example.com"})
class LinkAlertMailTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
            // Running before the Spring context is made, which needs its port.
            .withPerMethodLifecycle(false);

    @DynamicPropertySource
    static void smtpPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }

    @Autowired
    ConnectionStore connections;
    @Autowired
    LinkWatch linkWatch;
    @Autowired
    WatchLinkAlert linkAlert;

    private RingCentralConnection connect(String tokenSuffix) {
        Instant now = Instant.now();
        RingCentralConnection connection = RingCentralConnection.establish(new IssuedTokens(
                new AccessToken("secret-access-" + tokenSuffix, now.plusSeconds(3600)),
                new RefreshToken("secret-refresh-" + tokenSuffix, now, now.plus(Duration.ofDays(7))), "owner-42",
                "ReadCallLog ReadPresence"), "admin", now);
        connections.delete();
        assertThat(connections.saveIfVersionMatches(connection)).isEqualTo(ConnectionStore.SaveResult.SAVED);
        return connection;
    }

    private void refreshTokenRefused(RingCentralConnection connection) {
        assertThat(connections.saveIfVersionMatches(connection.reconnectNeeded("RingCentral no longer accepts Ringside's refresh token")))
                .isEqualTo(ConnectionStore.SaveResult.SAVED);
    }

    private void lookAtTheLink(int times) {
        for (int i = 0; i < times; i++) {
            linkWatch.tick();
        }
    }

    @BeforeEach
    void linkIsFine() {
        connect("0");
        linkWatch.tick();
        assertThat(linkAlert.current()).isEmpty();
    }

    @Test
    void oneMailPerIncidentToEveryAdminAndAnotherAfterAFixAndANewBreak() throws Exception {
        RingCentralConnection first = connect("1");
        lookAtTheLink(3);
        assertThat(smtp.getReceivedMessages()).as("a working link sends nothing").isEmpty();

        refreshTokenRefused(first);
        lookAtTheLink(5);

        assertThat(smtp.waitForIncomingEmail(5_000, 2)).isTrue();
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).as("one mail, delivered to each of the two admins").hasSize(2);
        assertThat(Arrays.stream(mails).map(mail -> recipients(mail))).allSatisfy(to ->
                assertThat(to).contains("ops@example.com").contains("maria@example.com"));
        MimeMessage mail = mails[0];
        assertThat(mail.getSubject()).isEqualTo("Ringside: RingCentral needs to be connected again");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("ringside@example.com");
        String body = GreenMailUtil.getBody(mail);
        assertThat(body).contains("RingCentral no longer accepts Ringside's refresh token") // positive control: the body is read
                .contains("Connect RingCentral")
                .doesNotContain("secret-access-1").doesNotContain("secret-refresh-1");
        assertThat(linkAlert.current()).map(LinkIncident::cause).hasValue(LinkIncident.Cause.RECONNECT_NEEDED);

        RingCentralConnection second = connect("2");
        lookAtTheLink(3);
        assertThat(linkAlert.current()).as("fixed: the banner goes").isEmpty();
        assertThat(smtp.getReceivedMessages()).as("no mail for the fix").hasSize(2);

        refreshTokenRefused(second);
        lookAtTheLink(3);

        assertThat(smtp.waitForIncomingEmail(5_000, 4)).isTrue();
        assertThat(smtp.getReceivedMessages()).as("broken again: a new incident, a new mail").hasSize(4);
    }

    private static String recipients(MimeMessage mail) {
        try {
            return Arrays.toString(mail.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
