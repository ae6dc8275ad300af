package io.ringside.ui.view;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import io.ringside.ui.Roles;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The views' access annotations, checked by Vaadin's own {@link NavigationAccessControl} (what
 * bootstrap's VaadinSecurityConfigurer installs) against a mocked request principal and roles:
 * anonymous → login; operator → the intake form and the Intakes page; admin → everything (RingCentral, Users, Audit).
 */
class RouteAccessTest extends IntakesViewTestBase {

    private final Function1<FakeHttpSession, FakeRequest> originalRequests = MockVaadin.getMockRequestFactory();

    @AfterEach
    void restoreRequests() {
        MockVaadin.setMockRequestFactory(originalRequests);
    }

    private void loggedInAs(String name, Set<String> roles) {
        Principal principal = name == null ? null : () -> name;
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(principal);
            request.setUserInRole((p, role) -> p != null && roles.contains(role));
            return request;
        });
        startVaadin();
        NavigationAccessControl accessControl = new NavigationAccessControl();
        accessControl.setLoginView(LoginView.class);
        UI.getCurrent().addBeforeEnterListener(accessControl);
    }

    private Class<?> shownAfterNavigatingTo(String path) {
        Throwable denied = catchThrowable(() -> UI.getCurrent().navigate(path));
        if (denied != null) {
            return denied.getClass();
        }
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
    }

    @Test
    void anonymousIsSentToLoginFromEveryView() {
        loggedInAs(null, Set.of());
        assertThat(shownAfterNavigatingTo("")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("admin/ringcentral")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("admin/users")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("admin/audit")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("intakes")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("login")).isEqualTo(LoginView.class);
        assertThat(search.queries).isEmpty();
    }

    @Test
    void operatorOpensIntakeButNotTheAdminPage() {
        user = Fakes.User.operator();
        loggedInAs("olivia", Set.of(Roles.OPERATOR));
        assertThat(shownAfterNavigatingTo("")).isEqualTo(IntakeView.class);
        Class<?> shown = shownAfterNavigatingTo("admin/ringcentral");
        // Vaadin answers a denied view as "not found", so its existence is not revealed.
        assertThat(shown).isEqualTo(com.vaadin.flow.router.RouteNotFoundError.class);
        _assertNone(ConnectionAdminView.class);
    }

    @Test
    void operatorOpensTheIntakesPage() {
        user = Fakes.User.operator();
        loggedInAs("olivia", Set.of(Roles.OPERATOR));
        assertThat(shownAfterNavigatingTo("intakes")).isEqualTo(IntakesView.class);
        _assertOne(IntakesView.class);
    }

    @Test
    void operatorIsRefusedTheUsersAndAuditPages() {
        user = Fakes.User.operator();
        loggedInAs("olivia", Set.of(Roles.OPERATOR));
        assertThat(shownAfterNavigatingTo("admin/users")).isEqualTo(com.vaadin.flow.router.RouteNotFoundError.class);
        _assertNone(UsersView.class);
        assertThat(shownAfterNavigatingTo("admin/audit")).isEqualTo(com.vaadin.flow.router.RouteNotFoundError.class);
        _assertNone(AuditView.class);
        assertThat(users.listed).isZero();
        assertThat(audit.queries).isEmpty();
    }

    @Test
    void adminOpensEverything() {
        user = Fakes.User.admin();
        loggedInAs("ada", Set.of(Roles.ADMIN, Roles.OPERATOR));
        assertThat(shownAfterNavigatingTo("")).isEqualTo(IntakeView.class);
        assertThat(shownAfterNavigatingTo("admin/ringcentral")).isEqualTo(ConnectionAdminView.class);
        _assertOne(ConnectionAdminView.class);
        assertThat(shownAfterNavigatingTo("admin/users")).isEqualTo(UsersView.class);
        _assertOne(UsersView.class);
        assertThat(shownAfterNavigatingTo("admin/audit")).isEqualTo(AuditView.class);
        _assertOne(AuditView.class);
        assertThat(shownAfterNavigatingTo("intakes")).isEqualTo(IntakesView.class);
        _assertOne(IntakesView.class);
    }
}
