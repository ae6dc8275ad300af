package io.ringside.application.service;

import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.application.port.out.AdminAlerts;
import io.ringside.domain.LinkIncident;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides whether the link to RingCentral is broken and whether that is news. Bootstrap calls
 * {@link #tick()} every few seconds. The link is broken when
 * <ul>
 *   <li>the connection needs an admin to connect again (RingCentral refused the refresh token, the
 *       stored connection cannot be read with the encryption key), or</li>
 *   <li>push has not been live for {@code pushDownAfter} while RingCentral is connected (counted from
 *       when the connection became usable, so a fresh connection gets the full time to subscribe).</li>
 * </ul>
 * An incident begins when one of those is first seen and ends when none is: the admins are alerted
 * once per incident (a failed alert is tried again every {@link #ALERT_RETRY}), and the console shows
 * the incident to admins until it ends. A change of cause is a new incident: the admins must do
 * something else. Not connected at all is no incident: nobody has asked for a link yet.
 */
public final class LinkWatch implements WatchLinkAlert {

    /** How long after a failed alert it is tried again. */
    public static final Duration ALERT_RETRY = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(LinkWatch.class.getName());

    private final ViewConnection connection;
    private final AdminAlerts alerts;
    private final Duration pushDownAfter;
    private final boolean pushEnabled;
    private final Clock clock;
    private final Set<Consumer<Optional<LinkIncident>>> listeners = new CopyOnWriteArraySet<>();

    // Guarded by this.
    private LinkIncident incident;
    private boolean alerted;
    private Instant nextAlertAttempt;
    private Instant usableSince;

    /**
     * @param pushDownAfter how long push may be down before it is an incident
     * @param pushEnabled   false when push is switched off: then polling is the normal state, not an incident
     */
    public LinkWatch(ViewConnection connection, AdminAlerts alerts, Duration pushDownAfter, boolean pushEnabled, Clock clock) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.alerts = Objects.requireNonNull(alerts, "alerts");
        this.pushDownAfter = Objects.requireNonNull(pushDownAfter, "pushDownAfter");
        this.pushEnabled = pushEnabled;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Looks at the link once: opens or ends an incident, and alerts the admins when one is owed. */
    public void tick() {
        ConnectionView view = connection.view();
        Instant now = clock.instant();
        Optional<LinkIncident> published = null;
        LinkIncident toAlert = null;
        synchronized (this) {
            Optional<LinkIncident> broken = brokenLink(view, now);
            if (broken.isEmpty()) {
                if (incident != null) {
                    LinkIncident fixed = incident;
                    LOG.info(() -> "The RingCentral link is fixed (" + fixed.cause() + " since " + fixed.since() + ")");
                    incident = null;
                    published = Optional.empty();
                }
            } else if (incident == null || incident.cause() != broken.get().cause()) {
                incident = broken.get();
                alerted = false;
                nextAlertAttempt = now;
                LOG.warning("The RingCentral link is broken: " + incident.explanation());
                published = Optional.of(incident);
            } else if (!incident.explanation().equals(broken.get().explanation())) {
                incident = new LinkIncident(incident.cause(), incident.since(), broken.get().explanation());
                published = Optional.of(incident);
            }
            if (incident != null && !alerted && !now.isBefore(nextAlertAttempt)) {
                toAlert = incident;
                // Until this attempt is known to have failed, no other tick tries.
                nextAlertAttempt = now.plus(ALERT_RETRY);
            }
        }
        if (published != null) {
            for (Consumer<Optional<LinkIncident>> listener : listeners) {
                deliver(listener, published);
            }
        }
        if (toAlert != null) {
            alert(toAlert);
        }
    }

    @Override
    public synchronized Optional<LinkIncident> current() {
        return Optional.ofNullable(incident);
    }

    @Override
    public Subscription watch(Consumer<Optional<LinkIncident>> listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        deliver(listener, current());
        return () -> listeners.remove(listener);
    }

    /** Guarded by this. */
    private Optional<LinkIncident> brokenLink(ConnectionView view, Instant now) {
        if (view.status() != ConnectionView.Status.CONNECTED) {
            usableSince = null;
            if (view.status() == ConnectionView.Status.NOT_CONNECTED) {
                return Optional.empty();
            }
            String why = view.problem() == null ? "RingCentral no longer accepts Ringside's connection" : view.problem();
            return Optional.of(new LinkIncident(LinkIncident.Cause.RECONNECT_NEEDED, now,
                    "RingCentral needs to be connected again. " + sentence(why) + " Until an admin opens RingCentral in the console"
                            + " and clicks Connect RingCentral, Recent callers stays empty."));
        }
        if (usableSince == null) {
            usableSince = now;
        }
        LiveCallsHealth live = view.liveCalls();
        if (!pushEnabled || live == null || live.isPush()) {
            return Optional.empty();
        }
        Instant downSince = live.since() == null || live.since().isBefore(usableSince) ? usableSince : live.since();
        if (now.isBefore(downSince.plus(pushDownAfter))) {
            return Optional.empty();
        }
        String why = live.reason() == null ? "" : " " + sentence("Last reason: " + live.reason());
        return Optional.of(new LinkIncident(LinkIncident.Cause.PUSH_DOWN, downSince,
                "RingCentral push has been down for more than " + minutes(pushDownAfter) + ": calls ringing at other extensions"
                        + " reach Recent callers only after they end. Ringside keeps reconnecting." + why));
    }

    private void alert(LinkIncident incidentToAlert) {
        try {
            alerts.linkBroken(incidentToAlert);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not alert the admins that the RingCentral link is broken; trying again in "
                    + minutes(ALERT_RETRY) + ": " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return;
        }
        synchronized (this) {
            if (incident != null && incident.cause() == incidentToAlert.cause() && incident.since().equals(incidentToAlert.since())) {
                alerted = true;
            }
        }
        LOG.info(() -> "Alerted the admins that the RingCentral link is broken (" + incidentToAlert.cause() + ")");
    }

    private static void deliver(Consumer<Optional<LinkIncident>> listener, Optional<LinkIncident> state) {
        try {
            listener.accept(state);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A link alert watcher failed; it stays subscribed", e);
        }
    }

    private static String sentence(String text) {
        String trimmed = text.strip();
        return trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    private static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes >= 1 ? minutes + " min" : duration.toSeconds() + " s";
    }
}
