package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import io.ringside.domain.Intake;
import io.ringside.domain.PhoneNumber;
import io.ringside.ui.PhoneFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt.fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

/** The intake form on its own: what it checks, what it hands over, and its keys. */
class IntakeFormTest {

    static final PhoneNumber JANE = PhoneNumber.of("+16025551234");

    private IntakeForm form;
    private final List<IntakeForm.Draft> saves = new ArrayList<>();
    private final List<String> filled = new ArrayList<>();
    private int populates;

    @BeforeEach
    void open() {
        MockVaadin.setup();
        Focus.start();
        form = new IntakeForm(new PhoneFormat("US"));
        form.addSaveListener(e -> saves.add(e.draft()));
        form.addPopulateListener(e -> populates++);
        form.addFilledListener(e -> filled.add(e.number().e164() + (e.fromCaller() ? " from a caller" : " typed")));
        UI.getCurrent().add(form);
    }

    @AfterEach
    void close() {
        Focus.stop();
        MockVaadin.tearDown();
    }

    private void save() {
        _click(form.save);
    }

    @Test
    void anEmptyPhoneIsRefusedOnTheFieldAndNothingIsHandedOver() {
        save();
        assertThat(saves).isEmpty();
        assertThat(form.phone.isInvalid()).isTrue();
        assertThat(form.phone.getErrorMessage()).isEqualTo("Enter the caller's phone number");
        assertThat(Focus.focusedId()).isEqualTo("phone");
    }

    @Test
    void whatIsNotANumberIsRefusedWithItsReason() {
        _setValue(form.phone, "555-12");
        save();
        assertThat(saves).isEmpty();
        assertThat(form.phone.getErrorMessage()).startsWith("That is not a valid phone number for US");
        _setValue(form.phone, "(602) 555-1234 ext. 12");
        assertThat(form.phone.getErrorMessage()).isEqualTo("Leave out the extension; enter the number only");
    }

    @Test
    void theMessageGoesOnceTheNumberReads() {
        save();
        assertThat(form.phone.isInvalid()).isTrue();
        _setValue(form.phone, "602 555 1234");
        assertThat(form.phone.isInvalid()).isFalse();
    }

    @Test
    void aNameOverTheLimitIsRefusedOnTheField() {
        assertThat(form.name.getMaxLength()).isEqualTo(Intake.NAME_MAX_LENGTH);
        assertThat(form.notes.getMaxLength()).isEqualTo(Intake.NOTES_MAX_LENGTH);
        // maxlength stops typing in the browser; a value set another way is still checked
        form.name.setValue("x".repeat(Intake.NAME_MAX_LENGTH + 1));
        _setValue(form.phone, "602 555 1234");
        save();
        assertThat(saves).isEmpty();
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.name.getErrorMessage()).isEqualTo("At most 200 characters");
        assertThat(Focus.focusedId()).isEqualTo("name");
    }

    @Test
    void aTypedNumberIsHandedOverReadWithoutACall() {
        _setValue(form.name, "Sam");
        _setValue(form.phone, "602-555-1234");
        _setValue(form.notes, "billing");
        save();
        assertThat(saves).containsExactly(new IntakeForm.Draft("Sam", JANE, "billing", null));
    }

    @Test
    void aNumberFilledFromACallerCarriesItsCallUntilPhoneIsChanged() {
        form.fillFromCaller(JANE, "s-jane");
        assertThat(form.phone.getValue()).isEqualTo("(602) 555-1234");
        save();
        assertThat(saves).extracting(IntakeForm.Draft::telephonySessionId).containsExactly("s-jane");

        _setValue(form.phone, "602 555 0199");
        save();
        assertThat(saves.get(1).telephonySessionId()).isNull();
    }

    @Test
    void phoneFilledFromACallerOrTypedReadablySaysSoAndHalfANumberDoesNot() {
        form.fillFromCaller(JANE, "s-jane");
        _setValue(form.phone, "602 555");
        _setValue(form.phone, "+44 20 7946 0958");
        assertThat(filled).containsExactly("+16025551234 from a caller", "+442079460958 typed");
    }

    @Test
    void anOfferedNameNeverReplacesATypedOne() {
        assertThat(form.offerName("Jane Doe")).isTrue();
        assertThat(form.name.getValue()).isEqualTo("Jane Doe");
        _setValue(form.name, "Janet Doe");
        assertThat(form.offerName("Jane Doe")).isFalse();
        assertThat(form.name.getValue()).isEqualTo("Janet Doe");
        assertThat(form.offerName(null)).isFalse();
    }

    @Test
    void theKnownLineIsAStatusUnderPhoneAndGoesWhenPhoneChanges() {
        form.showKnown("Known: Jane Doe · 3 intakes, last on 12 Nov");
        assertThat(form.callerKnown.isVisible()).isTrue();
        assertThat(form.callerKnown.getElement().getAttribute("role")).isEqualTo("status");
        assertThat(form.getChildren().toList().indexOf(form.callerKnown))
                .isEqualTo(form.getChildren().toList().indexOf(form.phone.getParent().orElseThrow()) + 1);
        _setValue(form.phone, "602 555");
        assertThat(form.callerKnown.isVisible()).isFalse();
    }

    @Test
    void clearEmptiesTheFormWithoutMessages() {
        save();
        form.fillFromCaller(JANE, "s-jane");
        _setValue(form.name, "Jane");
        form.showKnown("Known: 1 intake, today");
        form.clear();
        assertThat(form.name.getValue()).isEmpty();
        assertThat(form.phone.getValue()).isEmpty();
        assertThat(form.notes.getValue()).isEmpty();
        assertThat(form.phone.isInvalid()).isFalse();
        assertThat(form.callerKnown.isVisible()).isFalse();
        _setValue(form.phone, "602 555 1234");
        save();
        assertThat(saves).extracting(IntakeForm.Draft::telephonySessionId).containsExactly((String) null);
    }

    // --- keys ---

    @Test
    void altPAnywhereOnThePageAsksToPopulate() {
        fireShortcut(Key.KEY_P, KeyModifier.ALT);
        assertThat(populates).isEqualTo(1);
        _click(form.populate);
        assertThat(populates).isEqualTo(2);
        fireShortcut(Key.KEY_P);
        assertThat(populates).as("P alone is typing, not a shortcut").isEqualTo(2);
    }

    @Test
    void ctrlEnterInTheFormSaves() {
        _setValue(form.phone, "602 555 1234");
        _fireShortcut(form, Key.ENTER, KeyModifier.CONTROL);
        assertThat(saves).hasSize(1);
        _fireShortcut(form, Key.ENTER, KeyModifier.META);
        assertThat(saves).hasSize(2);
    }

    @Test
    void ctrlEnterOutsideTheFormDoesNothing() {
        _setValue(form.phone, "602 555 1234");
        fireShortcut(Key.ENTER, KeyModifier.CONTROL);
        assertThat(saves).isEmpty();
    }

    @Test
    void enterInNameGoesOnToNotes() {
        Focus.take();
        _fireShortcut(form.name, Key.ENTER);
        assertThat(Focus.focusedId()).isEqualTo("notes");
        assertThat(saves).isEmpty();
    }

    @Test
    void theShortcutsAreInTheTooltipsAndForScreenReaders() {
        assertThat(form.populate.getTooltip().getText()).isEqualTo("Populate phone number (Alt+P)");
        assertThat(form.save.getTooltip().getText()).isEqualTo("Save (Ctrl+Enter)");
        assertThat(form.populate.getElement().getAttribute("aria-keyshortcuts")).isEqualTo("Alt+P");
        assertThat(form.save.getElement().getAttribute("aria-keyshortcuts")).contains("Control+Enter");
        assertThat(form.populate.getText()).isEqualTo("Populate phone number");
    }
}
