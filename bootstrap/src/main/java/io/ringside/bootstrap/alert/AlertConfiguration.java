package io.ringside.bootstrap.alert;

import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.out.AdminAlerts;
import io.ringside.adapters.ringcentral.RingCentralSettings;
import io.ringside.application.service.LinkWatch;
import io.ringside.bootstrap.config.RingsideProperties;
import io.ringside.bootstrap.mode.StartUpRefusedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.mail.MailSender;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * The broken-link alert: the application's {@link LinkWatch} looks at the link every
 * {@link #CHECK_INTERVAL}, mails the admins once per incident when SMTP is set up, and feeds the
 * admins' console banner. Mail needs both {@code spring.mail.host} and {@code ringside.alerts.email-to};
 * one without the other stops start-up, because an admin who set one expects mail.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertSettings.class)
public class AlertConfiguration {

    static final Duration CHECK_INTERVAL = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(AlertConfiguration.class);

    @Bean
    AdminAlerts adminAlerts(AlertSettings settings, ObjectProvider<MailSender> mailSender, Environment environment,
                            RingsideProperties ringside) {
        MailSender mail = mailSender.getIfAvailable();
        if (settings.emailTo().isEmpty()) {
            if (mail != null) {
                throw new StartUpRefusedException("spring.mail.host is set but ringside.alerts.email-to is not.",
                        "Name who gets the alert mail (RINGSIDE_ALERTS_EMAILTO=admin@example.com,…), or unset spring.mail.host.");
            }
            LOG.info("Broken-link alerts: console banner only (set ringside.alerts.email-to and spring.mail.host for mail)");
            return new ConsoleOnlyAdminAlerts();
        }
        if (mail == null) {
            throw new StartUpRefusedException("ringside.alerts.email-to is set but no SMTP server is.",
                    "Set spring.mail.host (SPRING_MAIL_HOST, with spring.mail.port, spring.mail.username and spring.mail.password as the"
                            + " server needs), or unset ringside.alerts.email-to.");
        }
        String from = settings.emailFrom() != null ? settings.emailFrom() : senderFromSmtpUser(environment);
        LOG.info("Broken-link alerts: mailed to {} from {}", settings.emailTo(), from);
        return new MailAdminAlerts(mail, from, settings.emailTo(), ringside.timeZone(), adminPage(environment).orElse(null));
    }

    @Bean
    LinkWatch linkWatch(ViewConnection viewConnection, AdminAlerts adminAlerts, AlertSettings settings, RingCentralSettings ringCentral,
                        Clock clock) {
        return new LinkWatch(viewConnection, adminAlerts, settings.pushDownAfter(), ringCentral.pushEnabled(), clock);
    }

    @Bean(destroyMethod = "cancel")
    LinkWatchSchedule linkWatchSchedule(ThreadPoolTaskScheduler ringsideScheduler, LinkWatch linkWatch, RingsideProperties ringside) {
        if (!ringside.scheduling().enabled()) {
            return new LinkWatchSchedule(null);
        }
        return new LinkWatchSchedule(ringsideScheduler.scheduleWithFixedDelay(() -> {
            try {
                linkWatch.tick();
            } catch (RuntimeException e) {
                // A scheduler stops repeating a task that threw; the next look may well succeed.
                LOG.warn("Looking at the RingCentral link failed; looking again in {} s", CHECK_INTERVAL.toSeconds(), e);
            }
        }, CHECK_INTERVAL));
    }

    /** The running look at the link, cancelled when the application stops. */
    public record LinkWatchSchedule(ScheduledFuture<?> future) {
        public void cancel() {
            if (future != null) {
                future.cancel(false);
            }
        }
    }

    private static String senderFromSmtpUser(Environment environment) {
        String user = environment.getProperty("spring.mail.username");
        if (user != null && AlertSettings.isAddress(user.strip())) {
            return user.strip();
        }
        throw new StartUpRefusedException("ringside.alerts.email-from is not set and the SMTP user (spring.mail.username) is not an"
                + " email address.", "Set ringside.alerts.email-from (RINGSIDE_ALERTS_EMAILFROM=ringside@example.com).");
    }

    /** The console's RingCentral page, from the registered OAuth redirect URI (the console's public address). */
    private static Optional<URI> adminPage(Environment environment) {
        String redirect = environment.getProperty("ringcentral.redirect-uri");
        if (redirect == null) {
            return Optional.empty();
        }
        try {
            URI uri = URI.create(redirect.strip());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return Optional.empty();
            }
            return Optional.of(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + "/admin/ringcentral"));
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }
}
