package io.ringside.ui.view;

import com.github.mvysny.fakeservlet.FakeHttpSession;
import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.Principal;

import static org.assertj.core.api.Assertions.assertThat;

/** Someone with a temporary password lands on the change page wherever they go, until they change it. */
class MustChangePasswordGuardTest extends KaribuTestBase {

    private final Function1<FakeHttpSession, FakeRequest> originalRequests = MockVaadin.getMockRequestFactory();

    @AfterEach
    void restoreRequests() {
        MockVaadin.setMockRequestFactory(originalRequests);
    }

    private void loggedIn(boolean mustChange) {
        user.mustChangePassword = mustChange;
        Principal principal = user::name;
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setUserPrincipalInt(principal);
            return request;
        });
        startVaadin();
    }

    private Class<?> shownAfterNavigatingTo(String path) {
        UI.getCurrent().navigate(path);
        return UI.getCurrent().getInternals().getActiveRouterTargetsChain().get(0).getClass();
    }

    @Test
    void aMustChangeUserIsSentFromTheIntakePageToTheChangePage() {
        loggedIn(true);
        assertThat(shownAfterNavigatingTo("")).isEqualTo(ChangePasswordView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo(ChangePasswordView.PATH);
        assertThat(shownAfterNavigatingTo("admin/ringcentral")).isEqualTo(ChangePasswordView.class);
    }

    @Test
    void theLoginPageAndTheChangePageStayOpen() {
        loggedIn(true);
        assertThat(shownAfterNavigatingTo("login")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo(ChangePasswordView.PATH)).isEqualTo(ChangePasswordView.class);
    }

    @Test
    void afterTheChangeTheIntakePageOpens() {
        loggedIn(true);
        shownAfterNavigatingTo("");
        passwords.change(user.actor(), new io.ringside.domain.Password(passwords.current),
                new io.ringside.domain.Password("correct horse battery"));
        assertThat(shownAfterNavigatingTo("")).isEqualTo(IntakeView.class);
    }

    @Test
    void othersGoWhereTheyWanted() {
        loggedIn(false);
        assertThat(shownAfterNavigatingTo("")).isEqualTo(IntakeView.class);
    }

    @Test
    void anonymousVisitorsAreLeftToTheAccessControl() {
        user.mustChangePassword = true;
        startVaadin(); // no principal: the guard must not ask who they are
        assertThat(shownAfterNavigatingTo("login")).isEqualTo(LoginView.class);
        assertThat(shownAfterNavigatingTo("")).isEqualTo(IntakeView.class); // in production the access control sends them to login first
    }
}
