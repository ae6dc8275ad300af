package io.ringside.ui.view;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import io.ringside.application.port.in.ExtensionsUnavailableException;
import io.ringside.application.port.in.ListCompanyExtensions;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.Extension;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A person's details as an admin enters them (username on add only, display name, role, extension). It
 * checks nothing itself: Save fires a {@link SaveEvent} and the view shows what the use case says
 * ({@link #showError}). The extension is picked from the company's list ("104 · Maria Lopez") or typed as
 * a number, which is the only way when the list cannot be read.
 */
class UserForm extends FormLayout {

    final TextField username = new TextField("Username");
    final TextField displayName = new TextField("Display name");
    final RadioButtonGroup<Role> role = new RadioButtonGroup<>("Role");
    final ComboBox<ExtensionLink> extension = new ComboBox<>("Extension");
    final Paragraph error = new Paragraph();
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");

    private final boolean adding;
    private final List<Extension> companyExtensions = new ArrayList<>();
    private final List<ExtensionLink> choices = new ArrayList<>();

    /** @param existing the person to edit, or null to add one */
    UserForm(UserSummary existing, ListCompanyExtensions extensions) {
        this.adding = existing == null;
        setId("user-form");
        username.setId("user-username");
        username.setRequired(true);
        username.setHelperText("Letters, digits and . _ @ - ; they log in with it.");
        username.setVisible(adding);
        displayName.setId("user-display-name");
        displayName.setRequired(true);
        displayName.setHelperText("How colleagues see them, e.g. Maria Lopez.");
        role.setId("user-role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UserWording::role);
        role.setValue(Role.OPERATOR);
        error.setId("user-form-error");
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        error.setVisible(false);

        fillExtensions(extensions);
        extension.setId("user-extension");
        extension.setClearButtonVisible(true);
        extension.setAllowCustomValue(true);
        extension.setPlaceholder("None");
        extension.setItemLabelGenerator(this::label);
        extension.addCustomValueSetListener(e -> typed(e.getDetail()));
        extension.addValueChangeListener(e -> extension.setInvalid(false));

        if (existing != null) {
            displayName.setValue(existing.displayName());
            role.setValue(existing.role());
            if (existing.extension() != null) {
                choose(existing.extension());
            }
        }

        save.setId("user-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!extension.isInvalid()) {
                fireEvent(new SaveEvent(this, draft()));
            }
        });
        cancel.addClickListener(e -> fireEvent(new CloseEvent(this)));

        add(username, displayName, role, extension, error, new HorizontalLayout(save, cancel));
        setColspan(error, 2);
    }

    /** What the admin entered; blank text is left to the use case to refuse with its own message. */
    record Draft(String username, String displayName, Role role, ExtensionLink extension) {
    }

    Draft draft() {
        return new Draft(adding ? username.getValue() : null, displayName.getValue(), role.getValue(), extension.getValue());
    }

    boolean isAdding() {
        return adding;
    }

    void showError(String message) {
        error.setText(message);
        error.setVisible(true);
    }

    private void fillExtensions(ListCompanyExtensions extensions) {
        try {
            companyExtensions.addAll(extensions.extensions());
            extension.setHelperText("Pick from RingCentral's list or type the extension number.");
        } catch (ExtensionsUnavailableException e) {
            extension.setHelperText(e.getMessage());
        }
        companyExtensions.stream().map(ExtensionLink::to).forEach(choices::add);
        extension.setItems(choices);
    }

    /** A typed number: the listed extension with that number when there is one (its id lets calls match), else the number alone. */
    private void typed(String text) {
        String number = text == null ? "" : text.strip();
        if (number.isEmpty()) {
            extension.clear();
            return;
        }
        Optional<Extension> listed = companyExtensions.stream().filter(e -> number.equals(e.number())).findFirst();
        try {
            choose(listed.map(ExtensionLink::to).orElseGet(() -> ExtensionLink.typed(number)));
        } catch (IllegalArgumentException e) {
            extension.setErrorMessage(e.getMessage());
            extension.setInvalid(true);
        }
    }

    private void choose(ExtensionLink link) {
        if (!choices.contains(link)) {
            choices.add(link);
            extension.setItems(choices);
        }
        extension.setValue(link);
    }

    private String label(ExtensionLink link) {
        return companyExtensions.stream().filter(link::matches).findFirst()
                .map(UserWording::extension)
                .orElseGet(link::label);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addCloseListener(ComponentEventListener<CloseEvent> listener) {
        return addListener(CloseEvent.class, listener);
    }

    static final class SaveEvent extends ComponentEvent<UserForm> {
        private final Draft draft;

        SaveEvent(UserForm source, Draft draft) {
            super(source, false);
            this.draft = draft;
        }

        Draft draft() {
            return draft;
        }
    }

    static final class CloseEvent extends ComponentEvent<UserForm> {
        CloseEvent(UserForm source) {
            super(source, false);
        }
    }
}
