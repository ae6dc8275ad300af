package io.ringside.bootstrap.alert;

import io.ringside.bootstrap.testing.RefusedStartUp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Half-done alert and management settings stop start-up with a message naming the setting: an admin
 * who set one of them expects mail, or a private management port, and would otherwise not get it.
 */
class AlertStartUpRefusalTest {

    @TempDir
    Path dataDir;

    private String failureOf(String... arguments) {
        return RefusedStartUp.failureOf(dataDir, arguments);
    }

    @Test
    void recipientsWithoutAnSmtpServerAreRefused() {
        assertThat(failureOf("--ringside.alerts.email-to=ops@example.com"))
                .contains("ringside.alerts.email-to is set but no SMTP server is. Set spring.mail.host");
    }

    @Test
    void anSmtpServerWithoutRecipientsIsRefused() {
        assertThat(failureOf("--spring.mail.host=127.0.0.1"))
                .contains("spring.mail.host is set but ringside.alerts.email-to is not");
    }

    @Test
    void somethingThatIsNotAnAddressIsRefused() {
        assertThat(failureOf("--ringside.alerts.email-to=ops@example.com,the ops team"))
                .contains("ringside.alerts.email-to must be email addresses such as admin@example.com, not 'the ops team'");
    }

    @Test
    void aManagementPortWithoutSayingWhereItListensIsRefused() {
        assertThat(failureOf("--management.server.port=0"))
                .contains("management.server.port is set but management.server.address is not");
    }
}
