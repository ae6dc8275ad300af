package io.ringside.ui.view;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import io.ringside.ui.CurrentUser;

import java.util.Objects;

/**
 * Someone holding a temporary password (set by an admin) changes it before anything else: every navigation
 * of theirs lands on {@link ChangePasswordView}, except to the login page and the change page itself.
 * Registered for every UI (a service init listener, so a view added later cannot forget it); anonymous
 * visitors are left to Vaadin's access control, which sends them to the login page.
 */
public final class MustChangePasswordGuard implements VaadinServiceInitListener, BeforeEnterListener {

    private final CurrentUser user;

    public MustChangePasswordGuard(CurrentUser user) {
        this.user = Objects.requireNonNull(user, "user");
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target == LoginView.class || target == ChangePasswordView.class || !loggedIn()) {
            return;
        }
        if (user.mustChangePassword()) {
            event.forwardTo(ChangePasswordView.class);
        }
    }

    /** As Vaadin's own access control decides it: from the request's principal. */
    private static boolean loggedIn() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.getUserPrincipal() != null;
    }
}
