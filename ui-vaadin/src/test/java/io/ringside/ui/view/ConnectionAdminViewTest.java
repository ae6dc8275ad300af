package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import io.ringside.application.port.in.ClusterView;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.FeedHealth;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.LiveCallsHealth;
import io.ringside.application.port.in.RequestUsage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ConnectionAdminViewTest extends KaribuTestBase {

    static final ConnectionView CONNECTED = new ConnectionView(ConnectionView.Status.CONNECTED,
            URI.create("https://platform.ringcentral.com"), "400123456", "ada",
            Instant.parse("2026-11-22T15:00:00Z"), Instant.parse("2026-11-22T17:55:00Z"),
            Instant.parse("2026-11-29T16:55:00Z"), Instant.parse("2026-11-22T16:55:00Z"),
            null, new FeedHealth(new FeedStatus.RateLimitedUntil(Instant.parse("2026-11-22T17:00:40Z")),
            new LiveCallsHealth(LiveCallsHealth.Mode.PUSH_COMPANY, Instant.parse("2026-11-22T16:02:00Z"), null,
                    Instant.parse("2026-11-22T16:59:50Z"), 3, 2),
            Instant.parse("2026-11-22T16:59:58Z"), Instant.parse("2026-11-22T16:59:30Z"),
            List.of(new RequestUsage("Heavy", 10, 3, null, null), new RequestUsage("Medium", 40, 1, null, null),
                    new RequestUsage("Light", 50, 28, null, null), new RequestUsage("Auth", 5, 2, null, null)), 2));

    static ConnectionView connectedWith(LiveCallsHealth live) {
        return new ConnectionView(CONNECTED.status(), CONNECTED.server(), CONNECTED.ownerId(), CONNECTED.connectedBy(),
                CONNECTED.connectedAt(), CONNECTED.accessTokenValidUntil(), CONNECTED.refreshTokenValidUntil(),
                CONNECTED.lastRefreshedAt(), null, new FeedHealth(new FeedStatus.Ok(), live, null, null, List.of(), 1));
    }

    @BeforeEach
    void asAdmin() {
        user = Fakes.User.admin();
        startVaadin();
    }

    private String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }

    @Test
    void notConnectedOffersConnectOnly() {
        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(text("connection-status")).isEqualTo("Not connected");
        _get(Button.class, spec -> spec.withText("Connect RingCentral"));
        _assertNone(Button.class, spec -> spec.withText("Disconnect"));
    }

    @Test
    void connectedShowsHealthInTheConsoleZone() {
        connection.view = CONNECTED;
        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(text("connection-status")).isEqualTo("Connected");
        _assertNone(Button.class, spec -> spec.withText("Connect RingCentral"));
        _get(Button.class, spec -> spec.withText("Disconnect"));
        assertThat(text("detail-ringcentral-owner-id")).isEqualTo("400123456");
        assertThat(text("detail-connected-by")).isEqualTo("ada");
        // Phoenix is UTC-7
        assertThat(text("detail-connected-at")).isEqualTo("2026-11-22 08:00:00");
        assertThat(text("detail-access-token-valid-until")).isEqualTo("2026-11-22 10:55:00");
        assertThat(text("detail-refresh-token-valid-until")).isEqualTo("2026-11-29 09:55:00");
        assertThat(text("detail-last-refresh")).isEqualTo("2026-11-22 09:55:00");
        assertThat(text("detail-last-call-log-sync")).isEqualTo("2026-11-22 09:59:30");
        assertThat(text("detail-last-presence-sync")).isEqualTo("2026-11-22 09:59:58");
        assertThat(text("detail-requests-in-ringcentral-s-window")).isEqualTo("Heavy 3/10 · Medium 1/40 · Light 28/50 · Auth 2/5");
        assertThat(text("detail-live-calls")).isEqualTo("Push · company-wide since 09:02");
        assertThat(text("detail-last-pushed-event")).isEqualTo("2026-11-22 09:59:50");
        assertThat(text("detail-push-reconnects")).isEqualTo("3 (2 recovered with the missed events replayed)");
        _assertNone(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("live-calls-warning"));
        assertThat(text("detail-rate-limited-until")).isEqualTo("2026-11-22 10:00:40");
        assertThat(text("detail-server")).isEqualTo("https://platform.ringcentral.com");
    }

    @Test
    void anAdminIsToldWhyLiveCallsAreLimitedAndWhatToAdd() {
        connection.view = connectedWith(new LiveCallsHealth(LiveCallsHealth.Mode.PUSH_CONNECTED_EXTENSION,
                Instant.parse("2026-11-22T16:02:00Z"), "the RingCentral app lacks the CallControl permission; add it in the"
                + " developer console", null, 0, 0));
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(text("detail-live-calls")).isEqualTo("Push · the connected extension only since 09:02");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("live-calls-warning")).getText())
                .startsWith("Live calls are limited: the RingCentral app lacks the CallControl permission")
                .contains("calls ringing at other extensions show only once they have ended");
    }

    @Test
    void pollingSaysSoWithTheReason() {
        connection.view = connectedWith(new LiveCallsHealth(LiveCallsHealth.Mode.POLLING,
                Instant.parse("2026-11-22T16:40:00Z"), "Push connection lost, reconnecting: connection reset", null, 4, 3));
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(text("detail-live-calls")).isEqualTo("Polling the connected extension since 09:40");
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("live-calls-warning")).getText())
                .contains("Push connection lost");
    }

    @Test
    void reconnectNeededOffersBothAndShowsTheProblem() {
        connection.view = new ConnectionView(ConnectionView.Status.RECONNECT_NEEDED, URI.create("https://platform.ringcentral.com"),
                "400123456", "ada", null, null, null, null, "RingCentral no longer accepts the refresh token", null);
        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(text("connection-status")).isEqualTo("Reconnect needed");
        _get(Button.class, spec -> spec.withText("Connect RingCentral again"));
        _get(Button.class, spec -> spec.withText("Disconnect"));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("connection-problem")).getText())
                .isEqualTo("RingCentral no longer accepts the refresh token");
        assertThat(text("detail-connected-at")).isEqualTo("—");
    }

    @Test
    void connectStartsAsTheAdminAndSendsTheBrowserToRingCentralInTheSameTab() {
        UI.getCurrent().navigate(ConnectionAdminView.class);
        _click(_get(Button.class, spec -> spec.withText("Connect RingCentral")));
        assertThat(connection.started).containsExactly("ada");
        List<PendingJavaScriptInvocation> js = UI.getCurrent().getInternals().dumpPendingJavaScriptInvocations();
        assertThat(js).anySatisfy(invocation -> {
            assertThat(invocation.getInvocation().getExpression()).contains("window.open");
            assertThat(invocation.getInvocation().getParameters().toString())
                    .contains("https://platform.ringcentral.com/restapi/oauth/authorize").contains("_self");
        });
    }

    @Test
    void disconnectAsksFirstAndCancelKeepsTheConnection() {
        connection.view = CONNECTED;
        UI.getCurrent().navigate(ConnectionAdminView.class);
        _click(_get(Button.class, spec -> spec.withText("Disconnect")));
        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Disconnect RingCentral?");
        ConfirmDialogKt._fireCancel(dialog);
        assertThat(connection.disconnectedBy).isEmpty();
        assertThat(text("connection-status")).isEqualTo("Connected");
    }

    @Test
    void disconnectConfirmedDisconnectsAsTheAdmin() {
        connection.view = CONNECTED;
        UI.getCurrent().navigate(ConnectionAdminView.class);
        _click(_get(Button.class, spec -> spec.withText("Disconnect")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
        assertThat(connection.disconnectedBy).containsExactly("ada");
        assertThat(text("connection-status")).isEqualTo("Not connected");
        NotificationsKt.expectNotifications(ConnectionAdminView.DISCONNECTED_NOTIFICATION);
    }

    @Test
    void arrivingFromTheCallbackSaysConnected() {
        connection.view = CONNECTED;
        UI.getCurrent().navigate("admin/ringcentral", com.vaadin.flow.router.QueryParameters.fromString("connected"));
        assertThat(text("connection-status")).isEqualTo("Connected");
        NotificationsKt.expectNotifications(ConnectionAdminView.CONNECTED_NOTIFICATION);
    }

    @Test
    void arrivingWithoutTheMarkSaysNothing() {
        UI.getCurrent().navigate(ConnectionAdminView.class);
        NotificationsKt.expectNoNotifications();
    }

    @Test
    void onH2TheInstancesSectionSaysRingsideRunsAlone() {
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("cluster-owner")).getText()).isEqualTo("This Ringside runs alone (H2).");
        _assertNone(UnorderedList.class, spec -> spec.withId("cluster-instances"));
    }

    @Test
    void onPostgreSqlTheAdminSeesWhichInstanceHandlesRingCentralSinceWhenAndTheInstancesSeen() {
        cluster = () -> new ClusterView("b-7", true, "a-3", Instant.parse("2026-11-22T16:02:00Z"), List.of(
                new ClusterView.Instance("b-7", "web-2", Instant.parse("2026-11-22T16:30:00Z"), Instant.parse("2026-11-22T16:59:58Z"), false, 1),
                new ClusterView.Instance("a-3", "web-1", Instant.parse("2026-11-22T15:00:00Z"), Instant.parse("2026-11-22T16:59:55Z"), true, 3)));
        UI.getCurrent().navigate(ConnectionAdminView.class);

        // Phoenix is UTC-7
        assertThat(_get(Paragraph.class, spec -> spec.withId("cluster-owner")).getText())
                .isEqualTo("RingCentral is handled by web-1 since 09:02.");
        assertThat(instanceLines()).containsExactly(
                "web-2 (this one) · started 2026-11-22 09:30:00 · last seen 2026-11-22 09:59:58 · 1 open intake page",
                "web-1 · handles RingCentral · started 2026-11-22 08:00:00 · last seen 2026-11-22 09:59:55 · 3 open intake pages");
    }

    @Test
    void twoInstancesOnOneHostAreToldApartByTheirIds() {
        cluster = () -> new ClusterView("b-7", true, "a-3", Instant.parse("2026-11-22T16:02:00Z"), List.of(
                new ClusterView.Instance("b-7", "web-1", Instant.parse("2026-11-22T16:30:00Z"), Instant.parse("2026-11-22T16:59:58Z"), false, 0),
                new ClusterView.Instance("a-3", "web-1", Instant.parse("2026-11-22T15:00:00Z"), Instant.parse("2026-11-22T16:59:55Z"), true, 0)));
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("cluster-owner")).getText())
                .isEqualTo("RingCentral is handled by web-1 · a-3 since 09:02.");
        assertThat(instanceLines()).allSatisfy(line -> assertThat(line).startsWith("web-1 · "))
                .anySatisfy(line -> assertThat(line).startsWith("web-1 · b-7 (this one)"));
    }

    @Test
    void whileNoInstanceHandlesRingCentralThePageSaysSo() {
        cluster = () -> new ClusterView("b-7", true, null, null, List.of(
                new ClusterView.Instance("b-7", "web-2", Instant.parse("2026-11-22T16:30:00Z"), Instant.parse("2026-11-22T16:59:58Z"), false, 0)));
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(_get(Paragraph.class, spec -> spec.withId("cluster-owner")).getText())
                .startsWith("No instance handles RingCentral right now");
        assertThat(instanceLines()).containsExactly("web-2 (this one) · started 2026-11-22 09:30:00 · last seen 2026-11-22 09:59:58 · 0 open intake pages");
    }

    @Test
    void instancesThatCannotBeReadLeaveTheRestOfThePage() {
        cluster = () -> {
            throw new IllegalStateException("connection refused");
        };
        connection.view = CONNECTED;
        UI.getCurrent().navigate(ConnectionAdminView.class);

        assertThat(text("connection-status")).isEqualTo("Connected");
        assertThat(_get(Paragraph.class, spec -> spec.withId("cluster-owner")).getText())
                .startsWith("The Ringside instances cannot be read right now");
        _assertNone(UnorderedList.class, spec -> spec.withId("cluster-instances"));
    }

    private static List<String> instanceLines() {
        return _get(UnorderedList.class, spec -> spec.withId("cluster-instances")).getChildren()
                .map(item -> ((ListItem) item).getText()).toList();
    }
}
