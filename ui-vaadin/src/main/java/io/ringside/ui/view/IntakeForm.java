package io.ringside.ui.view;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValueContext;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import io.ringside.ui.PhoneFormat;

/**
 * The intake itself: Name, Phone (with Populate beside it), Notes and Save, and nothing that talks to a port.
 * A {@link Binder} checks the fields and puts its messages on them (the phone read with {@link PhoneFormat},
 * lengths from {@link Intake}); the page listens for what the operator did:
 * <ul>
 *   <li>{@link SaveEvent} with a checked {@link Draft}, from Save or Ctrl+Enter in any field of the form;</li>
 *   <li>{@link PopulateEvent} from the Populate button or Alt+P anywhere on the page;</li>
 *   <li>{@link FilledEvent} whenever Phone holds a number: filled from a caller ({@link #fillFromCaller}) or typed
 *       and readable.</li>
 * </ul>
 * The Recent callers list is the page's (its items come from the feed, the claims and the earlier intakes); the
 * page puts it beside Phone with {@link #besidePhone}.
 */
class IntakeForm extends VerticalLayout {

    static final String POPULATE_TOOLTIP = "Populate phone number (Alt+P)";
    static final String SAVE_TOOLTIP = "Save (Ctrl+Enter)";

    final TextField name = new TextField("Name");
    final TextField phone = new TextField("Phone");
    final Button populate = new Button("Populate phone number");
    final Div callerKnown = new Div();
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");

    private final PhoneFormat phoneFormat;
    private final HorizontalLayout phoneRow;
    private final Binder<Entry> binder = new Binder<>();
    /** The caller Phone was last filled from; its call is recorded with the intake while Phone still holds its number. */
    private PhoneNumber filledNumber;
    private String filledSession;

    IntakeForm(PhoneFormat phoneFormat) {
        this.phoneFormat = phoneFormat;
        setPadding(false);
        setId("intake-form");

        name.setId("name");
        name.setMaxLength(Intake.NAME_MAX_LENGTH);
        name.setWidthFull();
        // Enter in Name accepts it (an offered name, or one typed) and goes on to Notes: one key either way.
        Shortcuts.addShortcutListener(name, () -> notes.focus(), Key.ENTER).listenOn(name);

        phone.setId("phone");
        phone.setMaxLength(64);
        phone.setPlaceholder("(602) 555-1234 or +44 20 7946 0958");
        phone.setHelperText("Type it, or fill it from a recent caller");
        phone.addValueChangeListener(e -> {
            hideKnown();
            if (e.isFromClient()) {
                typed(e.getValue());
            }
        });

        populate.setId("populate");
        populate.setTooltipText(POPULATE_TOOLTIP);
        populate.getElement().setAttribute("aria-keyshortcuts", "Alt+P");
        populate.addClickListener(e -> fireEvent(new PopulateEvent(this)));
        // Anywhere on the page: the shortcut listens on the UI, and lives as long as the form is attached.
        Shortcuts.addShortcutListener(this, () -> fireEvent(new PopulateEvent(this)), Key.KEY_P, KeyModifier.ALT);

        phoneRow = new HorizontalLayout(phone, populate);
        phoneRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        phoneRow.setWrap(true);

        callerKnown.setId("caller-known");
        callerKnown.getElement().setAttribute("role", "status");
        callerKnown.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-success-text-color)");
        callerKnown.setVisible(false);

        notes.setId("notes");
        notes.setMaxLength(Intake.NOTES_MAX_LENGTH);
        notes.setWidthFull();

        save.setId("save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setTooltipText(SAVE_TOOLTIP);
        save.getElement().setAttribute("aria-keyshortcuts", "Control+Enter Meta+Enter");
        save.addClickListener(e -> save());
        // From any field of the form (the list beside Phone included). Blurring the active field first sends
        // what was just typed in it, so the save sees the last keystrokes. Cmd+Enter for Mac keyboards.
        save.addClickShortcut(Key.ENTER, KeyModifier.CONTROL).listenOn(this).resetFocusOnActiveElement();
        save.addClickShortcut(Key.ENTER, KeyModifier.META).listenOn(this).resetFocusOnActiveElement();

        // The lengths are the fields' own constraints (maxlength), which the binder checks too; these are their words.
        name.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage(atMost(Intake.NAME_MAX_LENGTH)));
        phone.setI18n(new TextField.TextFieldI18n().setMaxLengthErrorMessage("That is too long to be a phone number"));
        notes.setI18n(new TextArea.TextAreaI18n().setMaxLengthErrorMessage(atMost(Intake.NOTES_MAX_LENGTH)));
        binder.forField(name).bind(Entry::name, Entry::name);
        binder.forField(phone)
                .withConverter(new PhoneConverter(phoneFormat))
                .bind(Entry::phone, Entry::phone);
        binder.forField(notes).bind(Entry::notes, Entry::notes);
        binder.readBean(new Entry());

        add(name, phoneRow, callerKnown, notes, save);
    }

    private static String atMost(int characters) {
        return "At most " + characters + " characters";
    }

    /** Puts the page's own components (the Recent callers list) in the row beside Phone and Populate. */
    void besidePhone(Component... components) {
        phoneRow.add(components);
    }

    /** Puts the page's sentences about filling Phone (the picker's messages) under the phone row. */
    void underPhone(Component component) {
        addComponentAtIndex(indexOf(callerKnown) + 1, component);
    }

    /** Fills Phone from a caller; saving while Phone still holds this number records the call's telephony session. */
    void fillFromCaller(PhoneNumber number, String telephonySessionId) {
        phone.setValue(phoneFormat.display(number));
        filledNumber = number;
        filledSession = telephonySessionId;
        // A programmatic value is validated by the binder too; a valid number clears an earlier message.
        fireEvent(new FilledEvent(this, number, true));
    }

    /**
     * Offers a known caller's name: it goes into Name only when Name is empty, so nothing the operator typed is
     * ever replaced.
     *
     * @return whether Name was filled
     */
    boolean offerName(String knownName) {
        if (knownName == null || !name.isEmpty()) {
            return false;
        }
        name.setValue(knownName);
        return true;
    }

    /** Focuses Name with all its text selected: typing replaces an offered name, Enter or Tab keeps it. */
    void focusNameSelected() {
        name.focus();
        // After the focus (both run in order on the client): select the whole name.
        name.getElement().executeJs("setTimeout(() => { const input = this.inputElement; if (input) { input.select(); } }, 0)");
    }

    void focusName() {
        name.focus();
    }

    void focusNotes() {
        notes.focus();
    }

    void focusPhone() {
        phone.focus();
    }

    boolean nameIsEmpty() {
        return name.isEmpty();
    }

    /** "Known: Jane Doe · 3 intakes, last on 12 Nov" under Phone. */
    void showKnown(String text) {
        callerKnown.setText(text);
        callerKnown.setVisible(true);
    }

    void hideKnown() {
        callerKnown.setText("");
        callerKnown.setVisible(false);
    }

    /** Empties the form for the next caller, without messages on the empty fields. */
    void clear() {
        binder.readBean(new Entry());
        filledNumber = null;
        filledSession = null;
        hideKnown();
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addPopulateListener(ComponentEventListener<PopulateEvent> listener) {
        return addListener(PopulateEvent.class, listener);
    }

    Registration addFilledListener(ComponentEventListener<FilledEvent> listener) {
        return addListener(FilledEvent.class, listener);
    }

    /** A typed number counts once it reads as one; a half-typed one is left to the binder's message. */
    private void typed(String value) {
        filledNumber = null;
        filledSession = null;
        try {
            fireEvent(new FilledEvent(this, phoneFormat.parse(value), false));
        } catch (IllegalArgumentException notYetANumber) {
            // The binder shows why on the field.
        }
    }

    private void save() {
        Entry entry = new Entry();
        if (!binder.writeBeanIfValid(entry)) {
            focusFirstInvalid();
            return;
        }
        String session = entry.phone().equals(filledNumber) ? filledSession : null;
        fireEvent(new SaveEvent(this, new Draft(entry.name(), entry.phone(), entry.notes(), session)));
    }

    private void focusFirstInvalid() {
        if (name.isInvalid()) {
            name.focus();
        } else if (phone.isInvalid()) {
            phone.focus();
        } else {
            notes.focus();
        }
    }

    /** What the form hands over: checked, with the call it came from when Phone was filled from a caller (else null). */
    record Draft(String name, PhoneNumber phone, String notes, String telephonySessionId) {
    }

    static final class SaveEvent extends ComponentEvent<IntakeForm> {
        private final Draft draft;

        SaveEvent(IntakeForm source, Draft draft) {
            super(source, false);
            this.draft = draft;
        }

        Draft draft() {
            return draft;
        }
    }

    static final class PopulateEvent extends ComponentEvent<IntakeForm> {
        PopulateEvent(IntakeForm source) {
            super(source, false);
        }
    }

    /** Phone now holds {@link #number()}: from a caller, or typed (then {@link #fromCaller()} is false). */
    static final class FilledEvent extends ComponentEvent<IntakeForm> {
        private final PhoneNumber number;
        private final boolean fromCaller;

        FilledEvent(IntakeForm source, PhoneNumber number, boolean fromCaller) {
            super(source, false);
            this.number = number;
            this.fromCaller = fromCaller;
        }

        PhoneNumber number() {
            return number;
        }

        boolean fromCaller() {
            return fromCaller;
        }
    }

    /** The binder's bean: the fields' values once they check out. */
    static final class Entry {
        private String name = "";
        private PhoneNumber phone;
        private String notes = "";

        String name() {
            return name;
        }

        void name(String value) {
            name = value;
        }

        PhoneNumber phone() {
            return phone;
        }

        void phone(PhoneNumber value) {
            phone = value;
        }

        String notes() {
            return notes;
        }

        void notes(String value) {
            notes = value;
        }
    }

    /** Typed text to a number with the person's sentence when it is not one ("Enter the caller's phone number", …). */
    record PhoneConverter(PhoneFormat format) implements Converter<String, PhoneNumber> {
        @Override
        public Result<PhoneNumber> convertToModel(String value, ValueContext context) {
            try {
                return Result.ok(format.parse(value));
            } catch (IllegalArgumentException e) {
                return Result.error(e.getMessage());
            }
        }

        @Override
        public String convertToPresentation(PhoneNumber value, ValueContext context) {
            return value == null ? "" : format.display(value);
        }
    }
}
