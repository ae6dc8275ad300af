package io.ringside.ui.view;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.ringside.ui.ConsoleSettings;
import org.springframework.security.web.WebAttributes;

/** {@code /login}: Spring Security's form login, shown with Vaadin's login form. */
@Route("login")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    public static final String DEMO_HINT = "Demo mode: admin/admin, operator/operator, sam/sam (ext. 102), jordan/jordan (ext. 103)";

    public static final String TITLE = "Log in · Ringside";

    private final LoginForm login = new LoginForm();
    private final ConsoleSettings settings;

    public LoginView(ConsoleSettings settings) {
        this.settings = settings;
        setSizeFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);

        login.setAction("login");
        login.setForgotPasswordButtonVisible(false);
        add(new H1("Ringside"), login);
        if (settings.demoMode()) {
            Paragraph hint = new Paragraph(DEMO_HINT);
            hint.setId("demo-login-hint");
            add(hint);
        }
    }

    /** "DEMO MODE · Log in · Ringside" in demo mode. */
    @Override
    public String getPageTitle() {
        return settings.pageTitle(TITLE);
    }

    /**
     * On {@code /login?error} (where Spring Security sends a refused login), shows why: the refusal it kept in
     * the HTTP session, or "Wrong username or password.".
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean refused = event.getLocation().getQueryParameters().getParameters().containsKey("error");
        if (refused) {
            LoginI18n i18n = LoginI18n.createDefault();
            LoginI18n.ErrorMessage error = new LoginI18n.ErrorMessage();
            error.setTitle("Not logged in");
            error.setMessage(LoginRefusal.text(lastRefusal()));
            i18n.setErrorMessage(error);
            login.setI18n(i18n);
        }
        login.setError(refused);
    }

    private static Object lastRefusal() {
        VaadinSession session = VaadinSession.getCurrent();
        WrappedSession http = session == null ? null : session.getSession();
        return http == null ? null : http.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
    }
}
