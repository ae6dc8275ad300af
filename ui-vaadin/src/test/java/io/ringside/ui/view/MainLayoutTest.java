package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouterLink;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.ui.ConsoleSettings;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.Optional;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class MainLayoutTest extends KaribuTestBase {

    private static final ConsoleSettings DEMO = new ConsoleSettings(true, ZoneId.of("UTC"), "US");

    private java.util.List<String> navLabels() {
        return _find(SideNavItem.class).stream().map(SideNavItem::getLabel).toList();
    }

    @Test
    void operatorSeesTheIntakePagesOnlyAndNoConnectButtonAnywhere() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(navLabels()).containsExactly("Caller intake", "Intakes");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath).containsExactly("", "intakes");
        _assertNone(Button.class, spec -> spec.withText("Connect RingCentral"));
        assertThat(_get(Span.class, spec -> spec.withId("user-name")).getText()).isEqualTo("Olivia Park");
    }

    @Test
    void everyoneHasAChangePasswordLink() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(_get(RouterLink.class, spec -> spec.withId("change-password")).getHref()).isEqualTo(ChangePasswordView.PATH);
    }

    @Test
    void adminSeesIntakeIntakesRingCentralUsersAndAudit() {
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(navLabels()).containsExactly("Caller intake", "Intakes", "RingCentral", "Users", "Audit");
        assertThat(_find(SideNavItem.class)).extracting(SideNavItem::getPath)
                .containsExactly("", "intakes", "admin/ringcentral", "admin/users", "admin/audit");
        assertThat(_get(Span.class, spec -> spec.withId("user-name")).getText()).isEqualTo("Ada Admin");
        assertThat(_get(Span.class, spec -> spec.withId("product-name")).getText()).isEqualTo("Ringside");
    }

    @Test
    void adminsGetALinkToTheAdminPageWhenRingCentralIsNotConnected() {
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        recent.next = RecentCallersResult.without(Fakes.WINDOW, new FeedStatus.NotConnected());
        _click(_get(Button.class, spec -> spec.withText("Populate phone number")));
        Anchor link = _get(Anchor.class, spec -> spec.withId("admin-link"));
        assertThat(link.getHref()).isEqualTo("admin/ringcentral");
    }

    @Test
    void logOutLogsOut() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        _click(_get(Button.class, spec -> spec.withText("Log out")));
        assertThat(user.logouts).isEqualTo(1);
    }

    @Test
    void noDemoBannerOutsideDemoMode() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        _assertNone(Div.class, spec -> spec.withId("demo-banner"));
        _assertNone(Button.class, spec -> spec.withText("Simulate inbound call"));
    }

    @Test
    void demoBannerSimulatesACall() {
        settings = DEMO;
        Fakes.Demo demo = new Fakes.Demo();
        demoCalls = Optional.of(demo);
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(_get(Div.class, spec -> spec.withId("demo-banner")).getElement().getTextRecursively())
                .contains(MainLayout.DEMO_BANNER);
        _click(_get(Button.class, spec -> spec.withText("Simulate inbound call")));
        assertThat(demo.events).containsExactly("ring");
        _get(Span.class, spec -> spec.withText("Simulated call from (602) 555-0147 · Jane Doe is ringing"));
        _click(_get(Button.class, spec -> spec.withText("Answer")));
        _click(_get(Button.class, spec -> spec.withText("End call")));
        assertThat(demo.events).containsExactly("ring", "answer call-1", "end call-1");
        NotificationsKt.expectNoNotifications();
    }

    @Test
    void demoBannerWithoutDemoCallsHasNoButton() {
        settings = DEMO;
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        _get(Div.class, spec -> spec.withId("demo-banner"));
        _assertNone(Button.class, spec -> spec.withText("Simulate inbound call"));
    }

    @Test
    void loginShowsTheDemoHintOnlyInDemoMode() {
        startVaadin();
        UI.getCurrent().navigate(LoginView.class);
        _assertNone(Paragraph.class, spec -> spec.withText(LoginView.DEMO_HINT));
        MockVaadinRestart.restart(this, DEMO);
        UI.getCurrent().navigate(LoginView.class);
        _get(Paragraph.class, spec -> spec.withText(LoginView.DEMO_HINT));
    }

    @Test
    void loginMarksAFailedAttempt() {
        startVaadin();
        UI.getCurrent().navigate(LoginView.class);
        assertThat(_get(com.vaadin.flow.component.login.LoginForm.class).isError()).isFalse();
        UI.getCurrent().navigate("login", com.vaadin.flow.router.QueryParameters.fromString("error"));
        com.vaadin.flow.component.login.LoginForm form = _get(com.vaadin.flow.component.login.LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(form.getAction()).isEqualTo("login");
    }

    private static String pageTitle() {
        return UI.getCurrent().getInternals().getTitle();
    }

    @Test
    void inDemoModeEveryPageTitleSaysSo() {
        settings = DEMO;
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(pageTitle()).isEqualTo("DEMO MODE · Caller intake · Ringside");
        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(pageTitle()).isEqualTo("DEMO MODE · RingCentral · Ringside");
        UI.getCurrent().navigate(LoginView.class);
        assertThat(pageTitle()).isEqualTo("DEMO MODE · Log in · Ringside");
    }

    @Test
    void outsideDemoModeThePageTitlesAreTheViewsOwn() {
        user = Fakes.User.admin();
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        assertThat(pageTitle()).isEqualTo("Caller intake · Ringside");
        UI.getCurrent().navigate(ConnectionAdminView.class);
        assertThat(pageTitle()).isEqualTo("RingCentral · Ringside");
        UI.getCurrent().navigate(LoginView.class);
        assertThat(pageTitle()).isEqualTo("Log in · Ringside");
    }

    /** Restarts the mocked Vaadin with other settings. */
    static final class MockVaadinRestart {
        static void restart(MainLayoutTest test, ConsoleSettings settings) {
            com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
            test.settings = settings;
            test.startVaadin();
        }
    }
}
