package io.ringside.ui.view;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ringside.application.port.in.IssuedPassword;
import io.ringside.application.port.in.ListCompanyExtensions;
import io.ringside.application.port.in.ManageUsers;
import io.ringside.application.port.in.UserChangeRefusedException;
import io.ringside.application.port.in.UserSummary;
import io.ringside.ui.ConsoleSettings;
import io.ringside.ui.CurrentUser;
import io.ringside.ui.Roles;
import jakarta.annotation.security.RolesAllowed;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * {@code /admin/users}: the people who log in. An admin adds, edits, disables or enables them and resets
 * their passwords; a temporary password is shown once, in a dialog, to the admin who asked for it.
 */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · Ringside")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private static final Logger log = LoggerFactory.getLogger(UsersView.class);

    private final ManageUsers users;
    private final ListCompanyExtensions extensions;
    private final CurrentUser admin;
    private final Clock clock;
    private final UserWording wording;

    final Grid<UserSummary> grid = new Grid<>();

    public UsersView(ManageUsers users, ListCompanyExtensions extensions, CurrentUser admin, ConsoleSettings settings, Clock clock) {
        this.users = users;
        this.extensions = extensions;
        this.admin = admin;
        this.clock = clock;
        this.wording = new UserWording(settings.zone());

        Button add = new Button("Add person", e -> openForm(null));
        add.setId("add-person");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("users");
        grid.addColumn(UserSummary::username).setHeader("Username").setKey("username");
        grid.addColumn(UserSummary::displayName).setHeader("Display name").setKey("displayName");
        grid.addColumn(user -> UserWording.role(user.role())).setHeader("Role").setKey("role");
        grid.addColumn(user -> user.extension() == null ? "—" : user.extension().label()).setHeader("Extension").setKey("extension");
        grid.addColumn(wording::status).setHeader("Status").setKey("status");
        grid.addColumn(user -> wording.lastLogin(user.lastLoginAt(), clock.instant())).setHeader("Last login").setKey("lastLogin");
        grid.addComponentColumn(this::actions).setHeader("").setKey("actions").setAutoWidth(true);

        add(new H2("Users"), new Paragraph("Times are in " + settings.zone().getId() + "."), add, grid);
        setSizeFull();
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        super.onAttach(attachEvent);
        refresh();
    }

    void refresh() {
        grid.setItems(users.list());
    }

    private HorizontalLayout actions(UserSummary user) {
        Button edit = new Button("Edit", e -> openForm(user));
        Button enable = user.enabled() ? new Button("Disable", e -> confirmDisable(user)) : new Button("Enable", e -> enable(user));
        Button reset = new Button("Reset password", e -> confirmReset(user));
        for (Button button : new Button[]{edit, enable, reset}) {
            button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        }
        return new HorizontalLayout(edit, enable, reset);
    }

    private void openForm(UserSummary existing) {
        Dialog dialog = new Dialog();
        dialog.setId("user-dialog");
        dialog.setHeaderTitle(existing == null ? "Add person" : "Edit " + existing.displayName() + " (" + existing.username() + ")");
        UserForm form = new UserForm(existing, extensions);
        form.addCloseListener(e -> dialog.close());
        form.addSaveListener(e -> save(existing, e.getSource(), e.draft(), dialog));
        dialog.add(form);
        dialog.open();
    }

    private void save(UserSummary existing, UserForm form, UserForm.Draft draft, Dialog dialog) {
        try {
            if (existing == null) {
                IssuedPassword issued = users.add(draft.username(), draft.displayName(), draft.role(), draft.extension(), admin.actor());
                dialog.close();
                showTemporaryPassword(issued);
            } else {
                users.edit(existing.id(), existing.version(), draft.displayName(), draft.role(), draft.extension(), admin.actor());
                dialog.close();
                Notification.show(draft.displayName() + " saved");
            }
        } catch (IllegalArgumentException e) {
            form.showError(e.getMessage());
            return;
        } catch (UserChangeRefusedException e) {
            refused(e);
        } catch (RuntimeException e) {
            failed("save " + (existing == null ? "the new person" : existing.displayName()), e);
        }
        refresh();
    }

    private void confirmDisable(UserSummary user) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("disable-confirm");
        dialog.setHeader("Disable " + user.displayName() + "?");
        dialog.setText("Disable " + user.displayName() + "? Their open sessions end now.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Disable");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> act("disable " + user.displayName(),
                () -> users.setEnabled(user.id(), user.version(), false, admin.actor()),
                user.displayName() + " disabled"));
        dialog.open();
    }

    private void enable(UserSummary user) {
        act("enable " + user.displayName(), () -> users.setEnabled(user.id(), user.version(), true, admin.actor()),
                user.displayName() + " enabled");
    }

    private void confirmReset(UserSummary user) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("reset-confirm");
        dialog.setHeader("Reset the password of " + user.displayName() + "?");
        dialog.setText("Their current password stops working and their open sessions end. You get a temporary password to"
                + " give them.");
        dialog.setCancelable(true);
        dialog.setConfirmText("Reset password");
        dialog.addConfirmListener(e -> {
            try {
                showTemporaryPassword(users.resetPassword(user.id(), admin.actor()));
            } catch (UserChangeRefusedException ex) {
                refused(ex);
            } catch (RuntimeException ex) {
                failed("reset the password of " + user.displayName(), ex);
            }
            refresh();
        });
        dialog.open();
    }

    private void act(String what, Supplier<UserSummary> action, String done) {
        try {
            action.get();
            Notification.show(done);
        } catch (UserChangeRefusedException e) {
            refused(e);
        } catch (RuntimeException e) {
            failed(what, e);
        }
        refresh();
    }

    /** The only place a temporary password is shown; closing the dialog forgets it. */
    private void showTemporaryPassword(IssuedPassword issued) {
        UserSummary user = issued.user();
        Dialog dialog = new Dialog();
        dialog.setId("temporary-password-dialog");
        dialog.setHeaderTitle("Temporary password");
        dialog.setCloseOnOutsideClick(false);
        Paragraph instructions = new Paragraph("Give this temporary password to " + user.displayName()
                + ". They must change it when they log in. It is not shown again.");
        Span username = new Span(user.username());
        username.setId("temporary-password-username");
        Span password = new Span(issued.temporaryPassword());
        password.setId("temporary-password");
        password.getStyle().set("font-family", "var(--lumo-font-family-monospace, monospace)").set("font-size", "var(--lumo-font-size-l)");
        VerticalLayout body = new VerticalLayout(instructions, new HorizontalLayout(new Span("Username:"), username),
                new HorizontalLayout(new Span("Temporary password:"), password));
        body.setPadding(false);
        dialog.add(body);
        Button done = new Button("Done", e -> dialog.close());
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(done);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                password.setText("");
                dialog.removeFromParent();
            }
        });
        dialog.open();
    }

    private static void refused(UserChangeRefusedException e) {
        Notification.show(e.getMessage(), 8000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    private static void failed(String what, RuntimeException e) {
        log.warn("Users page: could not {}", what, e);
        Notification.show("Ringside could not " + what + ". Try again.").addThemeVariants(NotificationVariant.LUMO_ERROR);
    }
}
