package io.ringside.ui.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ringside.application.port.in.ClusterView;
import io.ringside.application.port.in.ConnectRingCentral;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.DisconnectRingCentral;
import io.ringside.application.port.in.ViewCluster;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** {@code /admin/ringcentral}: connect, look at and disconnect the company's RingCentral connection. */
@Route(value = "admin/ringcentral", layout = MainLayout.class)
@PageTitle("RingCentral · Ringside")
@RolesAllowed(Roles.ADMIN)
public class ConnectionAdminView extends VerticalLayout implements BeforeEnterObserver {

    public static final String CONNECTED_NOTIFICATION = "RingCentral connected";
    public static final String DISCONNECTED_NOTIFICATION = "RingCentral disconnected";

    private static final Logger log = LoggerFactory.getLogger(ConnectionAdminView.class);

    private final ConnectRingCentral connect;
    private final DisconnectRingCentral disconnect;
    private final ViewConnection viewConnection;
    private final CurrentUser user;
    private final DateTimeFormatter timeFormat;
    private final String zoneName;

    private final Span status = new Span();
    private final Paragraph problem = new Paragraph();
    private final Button connectButton = new Button("Connect RingCentral");
    private final Button disconnectButton = new Button("Disconnect");
    private final Paragraph liveCallsWarning = new Paragraph();
    private final DateTimeFormatter sinceFormat;
    private final FormLayout details = new FormLayout();
    private final Map<String, Span> detailValues = new LinkedHashMap<>();
    private final ViewCluster viewCluster;
    private final Paragraph clusterOwner = new Paragraph();
    private final UnorderedList clusterInstances = new UnorderedList();

    public ConnectionAdminView(ConnectRingCentral connect, DisconnectRingCentral disconnect, ViewConnection viewConnection,
                               ViewCluster viewCluster, CurrentUser user, ConsoleSettings settings) {
        this.connect = connect;
        this.viewCluster = viewCluster;
        this.disconnect = disconnect;
        this.viewConnection = viewConnection;
        this.user = user;
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(settings.zone());
        this.sinceFormat = DateTimeFormatter.ofPattern("HH:mm").withZone(settings.zone());
        this.zoneName = settings.zone().getId();

        status.setId("connection-status");
        status.getStyle().set("font-weight", "600");
        problem.setId("connection-problem");
        Span statusLabel = new Span("Status:");
        HorizontalLayout statusRow = new HorizontalLayout(statusLabel, status);
        statusRow.setAlignItems(FlexComponent.Alignment.BASELINE);

        connectButton.setId("connect");
        connectButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        connectButton.addClickListener(e -> startConnecting());
        disconnectButton.setId("disconnect");
        disconnectButton.addThemeVariants(ButtonVariant.LUMO_ERROR);
        disconnectButton.addClickListener(e -> confirmDisconnect());

        details.setId("connection-details");
        liveCallsWarning.setId("live-calls-warning");
        liveCallsWarning.getStyle().set("color", "var(--lumo-error-text-color)");
        for (String label : new String[]{"RingCentral owner id", "Connected by", "Connected at", "Access token valid until",
                "Refresh token valid until", "Last refresh", "Live calls", "Last pushed event", "Push reconnects",
                "Last call-log sync", "Last presence sync", "Requests in RingCentral's window", "Rate limited until", "Server"}) {
            Span value = new Span();
            value.setId("detail-" + label.toLowerCase().replaceAll("[^a-z]+", "-"));
            detailValues.put(label, value);
            details.addFormItem(value, label);
        }

        clusterOwner.setId("cluster-owner");
        clusterInstances.setId("cluster-instances");

        add(new H2("RingCentral connection"), statusRow, problem,
                new HorizontalLayout(connectButton, disconnectButton), liveCallsWarning, details,
                new H3("Instances"), clusterOwner, clusterInstances,
                new Paragraph("Times are in " + zoneName + "."));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getQueryParameters().getParameters().containsKey("connected")) {
            Notification.show(CONNECTED_NOTIFICATION, 5000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            // Drop ?connected so a reload does not announce it again.
            event.getUI().getPage().getHistory().replaceState(null, "admin/ringcentral");
        }
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    void refresh() {
        show(viewConnection.view());
        showCluster();
    }

    private void showCluster() {
        ClusterView cluster;
        try {
            cluster = viewCluster.cluster();
        } catch (RuntimeException e) {
            log.warn("Reading the Ringside instances failed", e);
            clusterOwner.setText("The Ringside instances cannot be read right now. Reload the page in a moment.");
            clusterInstances.setVisible(false);
            return;
        }
        clusterInstances.removeAll();
        if (!cluster.shared()) {
            clusterOwner.setText("This Ringside runs alone (H2).");
            clusterInstances.setVisible(false);
            return;
        }
        clusterOwner.setText(cluster.owner()
                .map(owner -> "RingCentral is handled by " + name(owner, cluster)
                        + (cluster.ownerSince() == null ? "" : " since " + sinceFormat.format(cluster.ownerSince())) + ".")
                .orElse("No instance handles RingCentral right now; one of them takes it over within 30 seconds."));
        for (ClusterView.Instance instance : cluster.seen()) {
            clusterInstances.add(new ListItem(instanceLine(instance, cluster)));
        }
        clusterInstances.setVisible(!cluster.seen().isEmpty());
    }

    /** "web-1 (this one) · handles RingCentral · started … · last seen … · 2 open intake pages". */
    private String instanceLine(ClusterView.Instance instance, ClusterView cluster) {
        String pages = instance.watchers() + (instance.watchers() == 1 ? " open intake page" : " open intake pages");
        return name(instance, cluster)
                + (instance.id().equals(cluster.thisInstance()) ? " (this one)" : "")
                + (instance.owner() ? " · handles RingCentral" : "")
                + " · started " + orDash(time(instance.startedAt()))
                + " · last seen " + orDash(time(instance.lastSeen()))
                + " · " + pages;
    }

    /** The host people know the machine by; with its id too when two instances run on one host, or the id alone. */
    private static String name(ClusterView.Instance instance, ClusterView cluster) {
        String host = instance.host();
        if (host == null || host.isBlank()) {
            return instance.id();
        }
        long onThatHost = cluster.seen().stream().filter(other -> host.equals(other.host())).count();
        return onThatHost > 1 ? host + " · " + instance.id() : host;
    }

    private static String orDash(String text) {
        return text == null ? "—" : text;
    }

    private void show(ConnectionView view) {
        status.setText(switch (view.status()) {
            case NOT_CONNECTED -> "Not connected";
            case CONNECTED -> "Connected";
            case RECONNECT_NEEDED -> "Reconnect needed";
        });
        boolean connected = view.status() == ConnectionView.Status.CONNECTED;
        boolean hasConnection = view.status() != ConnectionView.Status.NOT_CONNECTED;
        problem.setText(view.problem() == null ? "" : view.problem());
        problem.setVisible(view.problem() != null);
        connectButton.setVisible(!connected);
        connectButton.setText(view.status() == ConnectionView.Status.RECONNECT_NEEDED ? "Connect RingCentral again" : "Connect RingCentral");
        disconnectButton.setVisible(hasConnection);
        details.setVisible(hasConnection);
        value("RingCentral owner id", view.ownerId());
        value("Connected by", view.connectedBy());
        value("Connected at", time(view.connectedAt()));
        value("Access token valid until", time(view.accessTokenValidUntil()));
        value("Refresh token valid until", time(view.refreshTokenValidUntil()));
        value("Last refresh", time(view.lastRefreshedAt()));
        FeedHealth feed = view.feed();
        LiveCallsHealth live = feed == null ? null : feed.liveCalls();
        value("Live calls", live == null ? null : liveCalls(live));
        value("Last pushed event", live == null ? null : time(live.lastEventAt()));
        value("Push reconnects", live == null ? null
                : live.reconnects() + " (" + live.recoveries() + " recovered with the missed events replayed)");
        boolean limited = connected && live != null && live.reason() != null;
        liveCallsWarning.setText(limited ? liveCallsWarning(live) : "");
        liveCallsWarning.setVisible(limited);
        value("Last call-log sync", time(view.lastCallLogSync()));
        value("Last presence sync", feed == null ? null : time(feed.lastPresenceSync()));
        value("Requests in RingCentral's window", feed == null || feed.requests().isEmpty() ? null : feed.requests().stream()
                .map(group -> group.group() + " " + group.sentInWindow() + "/" + group.limit())
                .collect(Collectors.joining(" · ")));
        value("Rate limited until", feed == null ? null : rateLimited(feed));
        value("Server", view.server() == null ? null : view.server().toString());
    }

    /** "Push · company-wide since 14:02", or how it is limited and why. */
    private String liveCalls(LiveCallsHealth live) {
        String since = live.since() == null ? "" : " since " + sinceFormat.format(live.since());
        return switch (live.mode()) {
            case PUSH_COMPANY -> "Push · company-wide" + since;
            case PUSH_CONNECTED_EXTENSION -> "Push · the connected extension only" + since;
            case POLLING -> "Polling the connected extension" + since;
        };
    }

    private static String liveCallsWarning(LiveCallsHealth live) {
        return "Live calls are limited: " + live.reason()
                + ". Until that is fixed, calls ringing at other extensions show only once they have ended (from the call log).";
    }

    private String rateLimited(FeedHealth feed) {
        Instant until = feed.rateLimitedUntil();
        if (until != null) {
            return time(until);
        }
        return feed.requests().stream().filter(group -> group.blockedUntil() != null)
                .map(group -> group.group() + " until " + time(group.blockedUntil()) + (group.blockReason() == null ? "" : " (" + group.blockReason() + ")"))
                .reduce((a, b) -> a + " · " + b)
                .orElse("not limited");
    }

    private void value(String label, String text) {
        detailValues.get(label).setText(text == null ? "—" : text);
    }

    private String time(Instant instant) {
        return instant == null ? null : timeFormat.format(instant);
    }

    private void startConnecting() {
        URI authorize;
        try {
            authorize = connect.start(user.actor());
        } catch (RuntimeException e) {
            log.warn("Starting to connect RingCentral failed", e);
            Notification.show("Ringside could not start connecting RingCentral. Try again in a moment.")
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        UI.getCurrent().getPage().setLocation(authorize);
    }

    private void confirmDisconnect() {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("disconnect-confirm");
        dialog.setHeader("Disconnect RingCentral?");
        dialog.setText("Ringside revokes its access and forgets the tokens. Operators can no longer pick recent callers"
                + " until an admin connects RingCentral again.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Disconnect");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            try {
                disconnect.disconnect(user.actor());
                Notification.show(DISCONNECTED_NOTIFICATION);
            } catch (RuntimeException ex) {
                log.warn("Disconnecting RingCentral failed", ex);
                Notification.show("Disconnecting failed. Try again.").addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        dialog.open();
    }
}
