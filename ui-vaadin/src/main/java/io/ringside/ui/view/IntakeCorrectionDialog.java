package io.ringside.ui.view;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.converter.Converter;
import com.vaadin.flow.shared.Registration;
import io.ringside.domain.Intake;
import io.ringside.domain.IntakeEdit;
import io.ringside.domain.PhoneNumber;
import io.ringside.ui.PhoneFormat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * Correcting one intake: its name, phone and notes, checked on the fields (the phone read the way the
 * intake form reads it, the lengths the intake allows), and the corrections made before. Save fires a
 * {@link SaveEvent} with what was entered; the view asks the use case and closes the dialog when it
 * agrees.
 */
class IntakeCorrectionDialog extends Dialog {

    final TextField name = new TextField("Name");
    final TextField phone = new TextField("Phone");
    final TextArea notes = new TextArea("Notes");
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    final UnorderedList history = new UnorderedList();

    private final Intake intake;
    private final Binder<Correction> binder = new Binder<>();
    private final Correction correction;

    IntakeCorrectionDialog(Intake intake, List<IntakeEdit> edits, PhoneFormat phoneFormat, ZoneId zone, LocalDate today) {
        this.intake = intake;
        this.correction = new Correction(intake.callerName(), intake.phone(), intake.notes());
        setId("intake-correction");
        setHeaderTitle("Correct intake");
        name.setId("correct-name");
        phone.setId("correct-phone");
        notes.setId("correct-notes");

        binder.forField(name)
                .withNullRepresentation("")
                .withValidator(text -> fits(text, Intake.NAME_MAX_LENGTH), "The name is longer than " + Intake.NAME_MAX_LENGTH + " characters")
                .bind(Correction::getName, Correction::setName);
        binder.forField(phone)
                .withNullRepresentation("")
                // PhoneFormat's own sentence ("That is not a valid phone number for US …") is the field's message.
                .withConverter(Converter.from(phoneFormat::parse, phoneFormat::display, Throwable::getMessage))
                .bind(Correction::getPhone, Correction::setPhone);
        binder.forField(notes)
                .withNullRepresentation("")
                .withValidator(text -> fits(text, Intake.NOTES_MAX_LENGTH), "The notes are longer than " + Intake.NOTES_MAX_LENGTH + " characters")
                .bind(Correction::getNotes, Correction::setNotes);
        binder.readBean(correction);

        save.setId("correct-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (binder.writeBeanIfValid(correction)) {
                fireEvent(new SaveEvent(this, correction.copy()));
            }
        });
        cancel.addClickListener(e -> close());

        FormLayout form = new FormLayout(name, phone, notes);
        form.setColspan(notes, 2);
        add(form);
        history.setId("correct-history");
        if (!edits.isEmpty()) {
            edits.forEach(edit -> history.add(new ListItem(describe(edit, zone, today))));
            add(new H4("Earlier corrections"), history);
        } else {
            add(new Paragraph("Not corrected before."));
        }
        getFooter().add(cancel, save);
    }

    Intake intake() {
        return intake;
    }

    /** "14:02 Maria Lopez: name Jane → Jane Doe"; the date leads when it was not today. */
    static String describe(IntakeEdit edit, ZoneId zone, LocalDate today) {
        boolean sameDay = LocalDate.ofInstant(edit.at(), zone).equals(today);
        DateTimeFormatter when = DateTimeFormatter.ofPattern(sameDay ? "HH:mm" : "yyyy-MM-dd HH:mm").withZone(zone);
        return when.format(edit.at()) + " " + edit.by().displayName() + ": " + edit.describe();
    }

    private static boolean fits(String text, int maxLength) {
        return text == null || text.strip().length() <= maxLength;
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    /** What the person entered, checked on the fields; the use case still has the last word. */
    static final class Correction {
        private String name;
        private PhoneNumber phone;
        private String notes;

        Correction(String name, PhoneNumber phone, String notes) {
            this.name = name;
            this.phone = phone;
            this.notes = notes;
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        PhoneNumber getPhone() {
            return phone;
        }

        void setPhone(PhoneNumber phone) {
            this.phone = phone;
        }

        String getNotes() {
            return notes;
        }

        void setNotes(String notes) {
            this.notes = notes;
        }

        Correction copy() {
            return new Correction(name, phone, notes);
        }

        /** Whether this says what the intake already says (blank and absent are the same, as the intake stores them). */
        boolean sameAs(Intake intake) {
            return Objects.equals(blankToNull(name), intake.callerName()) && phone.equals(intake.phone())
                    && Objects.equals(blankToNull(notes), intake.notes());
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    static final class SaveEvent extends ComponentEvent<IntakeCorrectionDialog> {
        private final Correction correction;

        SaveEvent(IntakeCorrectionDialog source, Correction correction) {
            super(source, false);
            this.correction = correction;
        }

        Correction correction() {
            return correction;
        }
    }
}
