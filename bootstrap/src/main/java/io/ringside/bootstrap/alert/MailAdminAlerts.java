package io.ringside.bootstrap.alert;

import io.ringside.application.port.out.AdminAlerts;
import io.ringside.domain.LinkIncident;
import org.springframework.mail.MailSender;
import org.springframework.mail.SimpleMailMessage;

import java.net.URI;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The broken-link alert as a plain-text mail to the configured admins, through Spring's mail sender
 * ({@code spring.mail.*}). A failure to send propagates: the link watch tries again later.
 */
final class MailAdminAlerts implements AdminAlerts {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final MailSender mail;
    private final String from;
    private final List<String> to;
    private final ZoneId zone;
    private final URI adminPage;

    /**
     * @param adminPage the console's RingCentral page, named in the mail; null when not known
     */
    MailAdminAlerts(MailSender mail, String from, List<String> to, ZoneId zone, URI adminPage) {
        this.mail = mail;
        this.from = from;
        this.to = List.copyOf(to);
        this.zone = zone;
        this.adminPage = adminPage;
    }

    @Override
    public void linkBroken(LinkIncident incident) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(to.toArray(String[]::new));
        message.setSubject(subject(incident));
        message.setText(body(incident));
        mail.send(message);
    }

    static String subject(LinkIncident incident) {
        return switch (incident.cause()) {
            case RECONNECT_NEEDED -> "Ringside: RingCentral needs to be connected again";
            case PUSH_DOWN -> "Ringside: RingCentral push is down";
        };
    }

    private String body(LinkIncident incident) {
        return "The link between Ringside and RingCentral is broken since " + WHEN.format(incident.since().atZone(zone))
                + " (" + zone.getId() + ").\n\n"
                + incident.explanation() + "\n\n"
                + "Details: log in to Ringside as an admin and open RingCentral"
                + (adminPage == null ? "" : " (" + adminPage + ")") + ".\n"
                + "This mail is sent once per incident; the console shows admins a banner until the link is fixed.\n";
    }
}
