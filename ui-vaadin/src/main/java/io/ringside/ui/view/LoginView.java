package io.ringside.ui.view;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import io.ringside.ui.ConsoleSettings;

/** {@code /login}: Spring Security's form login, shown with Vaadin's login form. */
@Route("login")
@PageTitle("Log in · Ringside")
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver {

    public static final String DEMO_HINT = "Demo mode: admin/admin, operator/operator";

    private final LoginForm login = new LoginForm();

    public LoginView(ConsoleSettings settings) {
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

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        login.setError(event.getLocation().getQueryParameters().getParameters().containsKey("error"));
    }
}
