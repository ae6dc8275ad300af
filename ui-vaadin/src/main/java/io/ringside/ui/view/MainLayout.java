package io.ringside.ui.view;

import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.RouterLink;
import io.ringside.application.port.in.WatchLinkAlert;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.DemoCalls;
import io.ringside.ui.PhoneFormat;
import jakarta.annotation.security.PermitAll;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Optional;

/**
 * The frame around every view: product name, the user's display name, Change password, Log out;
 * navigation showing only what the user may open; in demo mode a banner with "Simulate inbound call";
 * for admins, a banner while the link to RingCentral is broken.
 */
@PermitAll // logged-in users; each view declares who may open it
public class MainLayout extends AppLayout implements HasDynamicTitle {

    public static final String PRODUCT = "Ringside";
    public static final String DEMO_BANNER = "Demo mode — simulated RingCentral";
    static final String USERS_PATH = "admin/users";
    static final String AUDIT_PATH = "admin/audit";
    static final String INTAKES_PATH = "intakes";

    private static final Logger log = LoggerFactory.getLogger(MainLayout.class);

    private final Div viewHolder = new Div();
    private final Optional<DemoCalls> demoCalls;
    private final PhoneFormat phoneFormat;
    private final ConsoleSettings settings;
    private String viewTitle = PRODUCT;

    public MainLayout(CurrentUser user, ConsoleSettings settings, Optional<DemoCalls> demoCalls, WatchLinkAlert linkAlert) {
        this.demoCalls = demoCalls;
        this.phoneFormat = new PhoneFormat(settings.defaultRegion());
        this.settings = settings;
        setPrimarySection(Section.NAVBAR);

        Span product = new Span(PRODUCT);
        product.setId("product-name");
        product.getStyle().set("font-size", "var(--lumo-font-size-l)").set("font-weight", "600");
        Span userName = new Span(user.displayName());
        userName.setId("user-name");
        userName.getElement().setAttribute("title", "Logged in as " + user.name());
        RouterLink changePassword = new RouterLink("Change password", ChangePasswordView.class);
        changePassword.setId("change-password");
        changePassword.getStyle().set("font-size", "var(--lumo-font-size-s)");
        Button logout = new Button("Log out", e -> user.logout());
        logout.setId("logout");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), product, userName, changePassword, logout);
        header.setWidthFull();
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        header.expand(product);
        header.getStyle().set("padding-inline-end", "var(--lumo-space-m)");
        addToNavbar(header);

        SideNav nav = new SideNav();
        nav.setId("main-nav");
        nav.addItem(new SideNavItem("Caller intake", IntakeView.class));
        // Every console user is an operator or an admin, and both may search the intakes. By path, like Users and Audit.
        nav.addItem(new SideNavItem("Intakes", INTAKES_PATH));
        if (user.isAdmin()) {
            nav.addItem(new SideNavItem("RingCentral", ConnectionAdminView.class));
            // By path: the Users and Audit views are built separately and this layout need not know their classes.
            nav.addItem(new SideNavItem("Users", USERS_PATH));
            nav.addItem(new SideNavItem("Audit", AUDIT_PATH));
        }
        addToDrawer(nav);

        Div content = new Div();
        content.setSizeFull();
        if (user.isAdmin()) {
            content.add(new LinkAlertBanner(linkAlert, settings.zone()));
        }
        if (settings.demoMode()) {
            content.add(demoBanner());
        }
        viewHolder.getStyle().set("padding", "var(--lumo-space-m)");
        content.add(viewHolder);
        setContent(content);
    }

    private Div demoBanner() {
        Span text = new Span(DEMO_BANNER);
        Div banner = new Div(text);
        banner.setId("demo-banner");
        banner.getElement().setAttribute("role", "note");
        banner.getStyle()
                .set("display", "flex").set("align-items", "center").set("gap", "var(--lumo-space-m)")
                .set("flex-wrap", "wrap")
                .set("padding", "var(--lumo-space-xs) var(--lumo-space-m)")
                .set("background", "var(--lumo-primary-color-10pct)")
                .set("font-size", "var(--lumo-font-size-s)");
        demoCalls.ifPresent(calls -> {
            Button simulate = new Button("Simulate inbound call", e -> simulate(calls));
            simulate.setId("simulate-call");
            simulate.addThemeVariants(ButtonVariant.LUMO_SMALL);
            banner.add(simulate);
        });
        return banner;
    }

    private void simulate(DemoCalls calls) {
        DemoCalls.SimulatedCall call;
        try {
            call = calls.ringNow();
        } catch (RuntimeException e) {
            log.warn("Simulating a call failed", e);
            Notification.show("The simulated call could not be started").addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        String who = phoneFormat.display(call.number()) + (call.name() == null ? "" : " · " + call.name());
        Notification notification = new Notification();
        notification.setDuration(0);
        notification.setPosition(Notification.Position.BOTTOM_END);
        Span text = new Span("Simulated call from " + who + " is ringing");
        Button answer = new Button("Answer");
        Button end = new Button("End call");
        answer.addClickListener(e -> {
            runQuietly(() -> calls.answer(call.id()));
            text.setText("Simulated call from " + who + " is on call");
            answer.setVisible(false);
        });
        end.addClickListener(e -> {
            runQuietly(() -> calls.end(call.id()));
            notification.close();
        });
        answer.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        end.addThemeVariants(ButtonVariant.LUMO_SMALL);
        HorizontalLayout row = new HorizontalLayout(text, answer, end);
        row.setAlignItems(FlexComponent.Alignment.CENTER);
        notification.add(row);
        notification.open();
    }

    private static void runQuietly(Runnable action) {
        try {
            action.run();
        } catch (RuntimeException e) {
            log.warn("Simulator call failed", e);
            Notification.show("The simulator did not accept that").addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * The shown view's own title ({@code @PageTitle}), led by DEMO MODE in demo mode. Vaadin asks the
     * layout because it is the first {@link HasDynamicTitle} in the route chain (a view implementing
     * it itself would come first and lose the prefix); it asks after {@link #showRouterLayoutContent}.
     */
    @Override
    public String getPageTitle() {
        return settings.pageTitle(viewTitle);
    }

    private static String titleOf(HasElement content) {
        if (content instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle();
        }
        PageTitle title = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
        return title == null ? PRODUCT : title.value();
    }

    @Override
    public void showRouterLayoutContent(HasElement content) {
        viewTitle = titleOf(content);
        viewHolder.getElement().removeAllChildren();
        if (content != null) {
            viewHolder.getElement().appendChild(content.getElement());
        }
    }

    @Override
    public void removeRouterLayoutContent(HasElement oldContent) {
        viewHolder.getElement().removeAllChildren();
    }
}
