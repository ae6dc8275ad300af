package io.ringside.ui.view;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.web.WebAttributes;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** After a refused login, Spring Security sends the browser to /login?error with the refusal in the session. */
class LoginViewTest extends KaribuTestBase {

    private static final String LOCKED =
            "Too many failed logins. This username is locked for 15 minutes; an admin can unlock it by resetting the password.";

    @BeforeEach
    void open() {
        startVaadin();
    }

    private void openAfterRefusal() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("error", "")));
    }

    private LoginForm form() {
        return _get(LoginForm.class);
    }

    /** The error message the browser's login form gets (its i18n property; the getter is not public). */
    private String errorMessage() {
        JsonNode i18n = (JsonNode) form().getElement().getPropertyRaw("i18n");
        return i18n.get("errorMessage").get("message").asString();
    }

    @Test
    void aLockedUsernameIsToldSo() {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, new LockedException(LOCKED));
        openAfterRefusal();
        assertThat(form().isError()).isTrue();
        assertThat(errorMessage()).isEqualTo(LOCKED);
    }

    @Test
    void withoutAKeptRefusalItSaysWrongUsernameOrPassword() {
        openAfterRefusal();
        assertThat(form().isError()).isTrue();
        assertThat(errorMessage()).isEqualTo("Wrong username or password.");
    }

    @Test
    void noErrorOnAPlainVisit() {
        UI.getCurrent().navigate(LoginView.class);
        assertThat(form().isError()).isFalse();
    }
}
