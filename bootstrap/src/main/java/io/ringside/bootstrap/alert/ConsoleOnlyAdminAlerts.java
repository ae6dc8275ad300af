package io.ringside.bootstrap.alert;

import io.ringside.application.port.out.AdminAlerts;
import io.ringside.domain.LinkIncident;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** No mail is set up ({@code ringside.alerts.email-to} is empty): the console's banner is the alert. */
final class ConsoleOnlyAdminAlerts implements AdminAlerts {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleOnlyAdminAlerts.class);

    @Override
    public void linkBroken(LinkIncident incident) {
        LOG.warn("No alert mail sent (ringside.alerts.email-to is not set): admins see the broken RingCentral link in the console");
    }
}
