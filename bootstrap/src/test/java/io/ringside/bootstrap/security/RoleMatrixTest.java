package io.ringside.bootstrap.security;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockAccessDeniedException;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AccessDeniedException;
import io.ringside.application.port.in.ConnectionView;
import io.ringside.application.port.in.ViewConnection;
import io.ringside.bootstrap.RingsideApplication;
import io.ringside.domain.Role;
import io.ringside.simulator.SimulatedPlatform;
import io.ringside.ui.view.ConnectionAdminView;
import io.ringside.ui.view.IntakeView;
import io.ringside.ui.view.LoginView;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The role matrix route by route, on bootstrap's real Spring context in demo mode (no RingCentral
 * credentials): the real security configuration, the real demo users, Vaadin's Spring instantiator
 * and the navigation access control bootstrap's {@code VaadinSecurityConfigurer} installs. Views run in
 * Karibu's {@link MockSpringServlet}; the logged-in user is one of the demo users, with the roles a form login
 * gives them ({@link ApplicationLogins#authorities}), put where Spring Security keeps it after a form login (the security context in the HTTP session and on the
 * request thread) and reported by the mocked request as its principal and roles, the way Spring
 * Security's request wrapper does. The OAuth callback, plain Spring MVC, goes through MockMvc with
 * the real filter chains.
 * <ul>
 *   <li>anonymous → the login page, whatever was asked for;</li>
 *   <li>operator → caller intake only: the admin pages (RingCentral, Users, Audit) are refused, the navigation does not offer them,
 *       no Connect RingCentral button on any page, the OAuth callback answers 403;</li>
 *   <li>admin → everything, and the callback answers them (400 for a forged state, nothing stored,
 *       RingCentral not asked).</li>
 * </ul>
 */
@SpringBootTest(classes = RingsideApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {
                "ringside.data-dir=${java.io.tmpdir}/ringside-test-${random.uuid}",
                "ringside.simulator.generator.enabled=false",
                "ringside.scheduling.enabled=false"})
class RoleMatrixTest {

    private static final String INTAKE = "";
    private static final String ADMIN_PAGE = "admin/ringcentral";
    private static final String USERS_PAGE = "admin/users";
    private static final String AUDIT_PAGE = "admin/audit";
    private static final List<String> ADMIN_PAGES = List.of(ADMIN_PAGE, USERS_PAGE, AUDIT_PAGE);
    private static final String CALLBACK = "/api/ringcentral/callback";
    /** Well-formed (base64url, the length Ringside issues) but never issued. */
    private static final String FORGED_STATE = "Zm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2VkZm9yZ2Vk";

    /** The routes Vaadin finds in the console's package, as {@code @EnableVaadin("io.ringside.ui")} scans it. */
    private static final Routes ROUTES = new Routes().autoDiscoverViews("io.ringside.ui");

    @Autowired
    WebApplicationContext context;
    @Autowired
    ViewConnection viewConnection;
    @Autowired
    SimulatedPlatform simulator;

    private final Function1<FakeHttpSession, FakeRequest> originalRequests = MockVaadin.getMockRequestFactory();

    @BeforeEach
    void noOneLoggedIn() {
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
        MockVaadin.setMockRequestFactory(originalRequests);
        SecurityContextHolder.clearContext();
    }

    // ---- anonymous ------------------------------------------------------------------------------

    @Test
    void anonymousIsSentToTheLoginPageFromEveryView() {
        openBrowserAs(null);

        for (String path : List.of(INTAKE, ADMIN_PAGE, USERS_PAGE, AUDIT_PAGE)) {
            navigate(path);
            assertThat(shownView()).as("view shown for /%s", path).isInstanceOf(LoginView.class);
            assertThat(addressBar()).as("address after /%s", path).isEqualTo("login");
            assertThat(_find(LoginForm.class)).as("login form after /%s", path).hasSize(1);
            assertThat(_find(IntakeView.class)).isEmpty();
            assertThat(_find(ConnectionAdminView.class)).isEmpty();
            assertThat(connectButtons()).isEmpty();
        }
    }

    @Test
    void anonymousCallbackGoesToLogin() throws Exception {
        long requestsBefore = simulator.requestCounts().total();

        MvcResult result = mvc().perform(get(CALLBACK).param("code", "abc").param("state", FORGED_STATE)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(302);
        assertThat(result.getResponse().getRedirectedUrl()).endsWith("/login");
        assertThat(simulator.requestCounts().total()).isEqualTo(requestsBefore);
    }

    // ---- operator -------------------------------------------------------------------------------

    @Test
    void operatorOpensCallerIntake() {
        openBrowserAs("operator");

        navigate(INTAKE);

        assertThat(shownView()).isInstanceOf(IntakeView.class);
        assertThat(_get(Button.class, spec -> spec.withText("Populate phone number")).isVisible()).isTrue();
    }

    @Test
    void operatorIsRefusedTheAdminPage() {
        openBrowserAs("operator");

        Throwable refused = catchThrowable(() -> navigate(ADMIN_PAGE));

        // Karibu's stand-in for Vaadin's access-denied page fails the navigation; the cause is the
        // refusal of the navigation access control bootstrap's security configuration installed.
        assertThat(refused).isInstanceOf(MockAccessDeniedException.class).hasCauseInstanceOf(AccessDeniedException.class);
        assertThat(_find(ConnectionAdminView.class)).isEmpty();
        assertThat(connectButtons()).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("disconnect"))).isEmpty();
    }

    @Test
    void operatorIsRefusedTheUsersAndAuditPages() {
        openBrowserAs("operator");

        for (String path : List.of(USERS_PAGE, AUDIT_PAGE)) {
            Throwable refused = catchThrowable(() -> navigate(path));

            assertThat(refused).as("/%s", path).isInstanceOf(MockAccessDeniedException.class).hasCauseInstanceOf(AccessDeniedException.class);
            assertThat(addressBar()).as("address after /%s", path).isNotEqualTo(path);
        }
    }

    @Test
    void operatorNavigationOffersNoAdminPage() {
        openBrowserAs("operator");

        navigate(INTAKE);

        assertThat(navigation()).contains("Caller intake -> /")
                .noneMatch(item -> ADMIN_PAGES.stream().anyMatch(page -> item.endsWith("/" + page)));
    }

    @Test
    void operatorSeesNoConnectButtonAnywhere() {
        openBrowserAs("operator");

        assertThat(ROUTES.getRoutes()).contains(LoginView.class, IntakeView.class, ConnectionAdminView.class);
        for (Class<? extends Component> route : ROUTES.getRoutes()) {
            Throwable refused = catchThrowable(() -> UI.getCurrent().navigate(route));
            assertThat(refused).as("navigating to %s", route.getSimpleName())
                    .satisfiesAnyOf(t -> assertThat(t).isNull(), t -> assertThat(t).isInstanceOf(MockAccessDeniedException.class));
            assertThat(connectButtons()).as("Connect RingCentral on %s", route.getSimpleName()).isEmpty();
        }
        for (String path : List.of(INTAKE, ADMIN_PAGE, USERS_PAGE, AUDIT_PAGE)) {
            catchThrowable(() -> navigate(path));
            assertThat(connectButtons()).as("Connect RingCentral after /%s", path).isEmpty();
        }
    }

    @Test
    void operatorIsRefusedTheCallback() throws Exception {
        long requestsBefore = simulator.requestCounts().total();

        MvcResult result = mvc().perform(get(CALLBACK).param("code", "abc").param("state", FORGED_STATE)
                .with(user("operator").roles("OPERATOR"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        // Refused by bootstrap's security chain (Spring Security's access-denied error), before the
        // callback controller and its own admin check (a page, not an error) are reached.
        assertThat(result.getResponse().getErrorMessage()).isEqualTo("Forbidden");
        assertThat(result.getResponse().getContentAsString()).doesNotContain("Admins only");
        assertThat(simulator.requestCounts().total()).isEqualTo(requestsBefore);
        assertThat(viewConnection.view().status()).isEqualTo(ConnectionView.Status.NOT_CONNECTED);
    }

    // ---- admin ----------------------------------------------------------------------------------

    @Test
    void adminOpensCallerIntake() {
        openBrowserAs("admin");

        navigate(INTAKE);

        assertThat(shownView()).isInstanceOf(IntakeView.class);
        assertThat(_get(Button.class, spec -> spec.withText("Populate phone number")).isVisible()).isTrue();
    }

    @Test
    void adminOpensTheAdminPageWithItsConnectButton() {
        openBrowserAs("admin");

        navigate(ADMIN_PAGE);

        assertThat(shownView()).isInstanceOf(ConnectionAdminView.class);
        assertThat(addressBar()).isEqualTo(ADMIN_PAGE);
        Button connect = _get(Button.class, spec -> spec.withId("connect"));
        assertThat(connect.getText()).isEqualTo("Connect RingCentral");
        assertThat(connect.isVisible()).isTrue();
        assertThat(connect.isEnabled()).isTrue();
    }

    @Test
    void adminOpensTheUsersAndAuditPages() {
        openBrowserAs("admin");

        for (String path : List.of(USERS_PAGE, AUDIT_PAGE)) {
            navigate(path);

            assertThat(addressBar()).isEqualTo(path);
            assertThat(shownView()).as("view shown for /%s", path).isNotInstanceOf(LoginView.class);
        }
    }

    @Test
    void adminNavigationOffersEveryPage() {
        openBrowserAs("admin");

        navigate(INTAKE);

        assertThat(navigation()).containsSubsequence("Caller intake -> /", "RingCentral -> /admin/ringcentral",
                "Users -> /admin/users", "Audit -> /admin/audit");
    }

    @Test
    void adminCallbackIsAnsweredAndAForgedStateIsRefused() throws Exception {
        long requestsBefore = simulator.requestCounts().total();

        MvcResult result = mvc().perform(get(CALLBACK).param("code", "abc").param("state", FORGED_STATE)
                .with(user("admin").roles("ADMIN", "OPERATOR"))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(simulator.requestCounts().total()).as("requests RingCentral (the simulator) received")
                .isEqualTo(requestsBefore);
        assertThat(viewConnection.view().status()).isEqualTo(ConnectionView.Status.NOT_CONNECTED);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /**
     * A fresh browser session, logged in as one of the demo users ({@code null}: nobody), with the roles a login gives.
     * The security context goes where Spring Security's form login leaves it (the HTTP session), and
     * onto this thread as its filter would; the mocked request answers {@code getUserPrincipal()} and
     * {@code isUserInRole()} from it like Spring Security's request wrapper.
     */
    private void openBrowserAs(String username) {
        Authentication authentication = null;
        if (username != null) {
            Role role = username.equals("admin") ? Role.ADMIN : Role.OPERATOR;
            authentication = UsernamePasswordAuthenticationToken.authenticated(username, null, ApplicationLogins.authorities(role));
        }
        SecurityContext securityContext = SecurityContextHolder.createEmptyContext();
        securityContext.setAuthentication(authentication);
        SecurityContextHolder.setContext(securityContext);

        Authentication principal = authentication;
        MockVaadin.setMockRequestFactory(session -> {
            if (principal != null) {
                session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, securityContext);
            }
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(principal);
            request.setUserInRole((p, role) -> principal != null && principal.getAuthorities().stream()
                    .map(GrantedAuthority::getAuthority)
                    .anyMatch(authority -> authority.equals(role.startsWith("ROLE_") ? role : "ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
    }

    private static void navigate(String path) {
        UI.getCurrent().navigate(path);
    }

    private static Object shownView() {
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().getFirst();
    }

    private static String addressBar() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getPath();
    }

    private static List<Button> connectButtons() {
        List<Button> byId = _find(Button.class, spec -> spec.withId("connect"));
        List<Button> byText = _find(Button.class, spec -> spec.withText("Connect RingCentral"));
        return byId.isEmpty() ? byText : byId;
    }

    /** The side navigation as the user sees it: label and where it goes. */
    private static List<String> navigation() {
        return _find(SideNavItem.class).stream()
                .filter(Component::isVisible)
                .map(item -> item.getLabel() + " -> /" + item.getPath())
                .toList();
    }

    private MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).apply(springSecurity()).build();
    }
}
