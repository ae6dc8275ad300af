package io.ringside.ui.view;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.Autocomplete;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.ringside.application.port.in.ChangePassword;
import io.ringside.application.port.in.PasswordRejectedException;
import io.ringside.application.port.in.WrongCurrentPasswordException;
import io.ringside.domain.Password;
import io.ringside.ui.CurrentUser;
import jakarta.annotation.security.PermitAll;

/**
 * {@code /account/password}: anyone changes their own password; someone holding a temporary password an admin
 * set is sent here first ({@link MustChangePasswordGuard}). Passwords only travel from the browser, never back.
 */
@Route(value = ChangePasswordView.PATH, layout = MainLayout.class)
@PageTitle("Change password · Ringside")
@PermitAll
public class ChangePasswordView extends VerticalLayout {

    public static final String PATH = "account/password";

    static final String MUST_CHANGE = "Choose your own password before you continue: the one you have was set by an admin.";
    static final String RULES = "12–64 characters, not a commonly used password, not your username.";
    static final String DIFFER = "The two new passwords differ.";

    private final ChangePassword changePassword;
    private final CurrentUser user;

    private final PasswordField current = new PasswordField("Current password");
    private final PasswordField next = new PasswordField("New password");
    private final PasswordField repeat = new PasswordField("Repeat the new password");

    public ChangePasswordView(ChangePassword changePassword, CurrentUser user) {
        this.changePassword = changePassword;
        this.user = user;
        setMaxWidth("30rem");

        add(new H2("Change password"));
        if (user.mustChangePassword()) {
            Paragraph mustChange = new Paragraph(MUST_CHANGE);
            mustChange.setId("must-change");
            mustChange.getElement().setAttribute("role", "status");
            add(mustChange);
        }
        current.setId("current-password");
        current.setAutocomplete(Autocomplete.CURRENT_PASSWORD);
        next.setId("new-password");
        next.setHelperText(RULES);
        next.setAutocomplete(Autocomplete.NEW_PASSWORD);
        repeat.setId("repeat-password");
        repeat.setAutocomplete(Autocomplete.NEW_PASSWORD);
        for (PasswordField field : new PasswordField[]{current, next, repeat}) {
            field.setWidthFull();
            field.setMaxLength(Password.MAX_LENGTH * 2); // room to say "too long" rather than cut it silently
            field.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    field.setInvalid(false);
                }
            });
        }
        Button change = new Button("Change password", e -> change());
        change.setId("change-password-button");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(current, next, repeat, change);
    }

    private void change() {
        clearErrors();
        if (current.getValue().isEmpty()) {
            refuse(current, "Type your current password.");
            return;
        }
        if (!next.getValue().equals(repeat.getValue())) {
            refuse(repeat, DIFFER);
            return;
        }
        try {
            changePassword.change(user.actor(), new Password(current.getValue()), new Password(next.getValue()));
        } catch (WrongCurrentPasswordException e) {
            refuse(current, e.getMessage());
            return;
        } catch (PasswordRejectedException e) {
            refuse(next, e.getMessage());
            return;
        }
        current.clear();
        next.clear();
        repeat.clear();
        Notification.show("Password changed", 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate("");
    }

    private void clearErrors() {
        current.setInvalid(false);
        next.setInvalid(false);
        repeat.setInvalid(false);
    }

    private static void refuse(PasswordField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
        field.focus();
    }
}
