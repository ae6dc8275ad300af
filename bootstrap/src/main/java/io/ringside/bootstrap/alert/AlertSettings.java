package io.ringside.bootstrap.alert;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * The broken-link alert's settings ({@code ringside.alerts.*}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. A bad value stops start-up with a message naming the setting.
 *
 * @param emailTo       who gets the alert mail (comma-separated addresses); empty: no mail, the console banner only
 * @param emailFrom     the mail's sender; default: {@code spring.mail.username} when that is an address
 * @param pushDownAfter how long RingCentral push may be down before the admins are alerted (1 min – 24 h)
 */
@ConfigurationProperties("ringside.alerts")
public record AlertSettings(
        @DefaultValue List<String> emailTo,
        String emailFrom,
        @DefaultValue("10m") Duration pushDownAfter) {

    public AlertSettings {
        emailTo = emailTo == null ? List.of() : emailTo.stream().map(String::strip).filter(address -> !address.isEmpty()).toList();
        emailTo.forEach(address -> requireAddress("ringside.alerts.email-to", address));
        emailFrom = emailFrom == null || emailFrom.isBlank() ? null : emailFrom.strip();
        if (emailFrom != null) {
            requireAddress("ringside.alerts.email-from", emailFrom);
        }
        if (pushDownAfter == null || pushDownAfter.compareTo(Duration.ofMinutes(1)) < 0 || pushDownAfter.compareTo(Duration.ofHours(24)) > 0) {
            throw new IllegalArgumentException("ringside.alerts.push-down-after must be between 1 min and 24 h, not " + pushDownAfter);
        }
    }

    static boolean isAddress(String text) {
        try {
            new InternetAddress(text, true).validate();
            return true;
        } catch (AddressException notAnAddress) {
            return false;
        }
    }

    private static void requireAddress(String setting, String address) {
        if (!isAddress(address)) {
            throw new IllegalArgumentException(setting + " must be email addresses such as admin@example.com, not '" + address + "'");
        }
    }
}
