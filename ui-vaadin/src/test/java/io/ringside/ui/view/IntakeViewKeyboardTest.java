package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.application.port.in.FeedStatus;
import io.ringside.application.port.in.RecentCallersResult;
import io.ringside.domain.CallState;
import io.ringside.domain.PhoneNumber;
import io.ringside.domain.RecentCaller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt._fireShortcut;
import static com.github.mvysny.kaributesting.v10.ShortcutsKt.fireShortcut;
import static org.assertj.core.api.Assertions.assertThat;

/** A whole intake without the mouse: Alt+P, the list, Enter in Name, Ctrl+Enter; and the live region says what happened. */
class IntakeViewKeyboardTest extends KaribuTestBase {

    static final RecentCaller JANE = Fakes.caller("+16025551234", "Jane Doe", NOW.minusSeconds(150), CallState.ENDED, "s-jane");
    static final RecentCaller BOB = Fakes.caller("+16025559876", null, NOW.minusSeconds(20), CallState.RINGING, "s-bob");

    @BeforeEach
    void open() {
        startVaadin();
        Focus.start();
        UI.getCurrent().navigate(IntakeView.class);
        Focus.take();
    }

    @AfterEach
    void stopWatchingFocus() {
        Focus.stop();
    }

    private static RecentCallersResult ok(RecentCaller... callers) {
        return new RecentCallersResult(List.of(callers), Fakes.WINDOW, NOW, new FeedStatus.Ok(), 0);
    }

    private TextField field(String id) {
        return _get(TextField.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private ComboBox<RecentCaller> combo() {
        return _get(ComboBox.class, spec -> spec.withId("recent-callers"));
    }

    private String announced() {
        return _get(Div.class, spec -> spec.withId("call-announcer")).getText();
    }

    private void ctrlEnter() {
        _fireShortcut(_get(IntakeForm.class), Key.ENTER, KeyModifier.CONTROL);
    }

    @Test
    void altPFillsTheOnlyCallerAndTheKeyboardGoesToName() {
        recent.next = ok(JANE);
        fireShortcut(Key.KEY_P, KeyModifier.ALT);
        assertThat(recent.listCalls).isEqualTo(1);
        assertThat(field("phone").getValue()).isEqualTo("(602) 555-1234");
        assertThat(Focus.focusedId()).isEqualTo("name");
        assertThat(announced()).isEqualTo("Phone set to (602) 555-1234 (Jane Doe)");
    }

    @Test
    void altPWithSeveralCallersOpensTheListWithTheKeyboardInIt() {
        recent.next = ok(BOB, JANE);
        fireShortcut(Key.KEY_P, KeyModifier.ALT);
        assertThat(combo().isOpened()).isTrue();
        assertThat(Focus.focusedId()).isEqualTo("recent-callers");
        assertThat(announced()).isEqualTo("2 recent callers in the list; arrows and Enter pick one.");
    }

    @Test
    void aWholeIntakeWithoutTheMouse() {
        recent.next = ok(BOB, JANE);
        fireShortcut(Key.KEY_P, KeyModifier.ALT);
        // Arrows and Enter in the open list are the combo box's own; they end in a selection.
        ComboBoxKt.selectByLabel(combo(), "(602) 555-1234 — 2 min ago · Jane Doe");
        assertThat(Focus.focusedId()).isEqualTo("name");
        _setValue(field("name"), "Jane Doe");
        _fireShortcut(field("name"), Key.ENTER);
        assertThat(Focus.focusedId()).isEqualTo("notes");
        _setValue(_get(TextArea.class, spec -> spec.withId("notes")), "wants a call back");
        ctrlEnter();

        assertThat(intakes.saved).singleElement().satisfies(intake -> {
            assertThat(intake.phone()).isEqualTo(PhoneNumber.of("+16025551234"));
            assertThat(intake.callerName()).isEqualTo("Jane Doe");
            assertThat(intake.notes()).isEqualTo("wants a call back");
            assertThat(intake.telephonySessionId()).isEqualTo("s-jane");
        });
        assertThat(announced()).isEqualTo("Saved intake for (602) 555-1234");
        // The next intake starts with a number: typed, or Alt+P.
        assertThat(Focus.focusedId()).isEqualTo("phone");
        assertThat(field("phone").getValue()).isEmpty();
    }

    @Test
    void ctrlEnterWithABadNumberSavesNothingAndPutsTheKeyboardOnPhone() {
        _setValue(field("phone"), "555-12");
        Focus.take();
        ctrlEnter();
        assertThat(intakes.saved).isEmpty();
        assertThat(field("phone").isInvalid()).isTrue();
        assertThat(Focus.focusedId()).isEqualTo("phone");
    }

    @Test
    void ctrlEnterOutsideTheFormSavesNothing() {
        _setValue(field("phone"), "(602) 555-1234");
        fireShortcut(Key.ENTER, KeyModifier.CONTROL);
        assertThat(intakes.saved).isEmpty();
    }

    @Test
    void theQuestionAndItsAnswerAreAnnounced() {
        intakes.save("Jane Doe", PhoneNumber.of("+16025551234"), null, null, Fakes.User.maria().actor(), false);
        _setValue(field("phone"), "(602) 555-1234");
        ctrlEnter();
        assertThat(announced()).isEqualTo("Not saved yet: Maria Lopez saved an intake for this caller moments ago. Save anyway?");
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));
        assertThat(announced()).isEqualTo("Not saved: cancelled; the form is as it was.");
        assertThat(intakes.saved).hasSize(1);
    }

    @Test
    void theShortcutsAreShownInTheTooltips() {
        assertThat(_get(Button.class, spec -> spec.withId("populate")).getTooltip().getText()).isEqualTo("Populate phone number (Alt+P)");
        assertThat(_get(Button.class, spec -> spec.withId("save")).getTooltip().getText()).isEqualTo("Save (Ctrl+Enter)");
    }

    @Test
    void theShortcutsGoWithThePage() {
        UI.getCurrent().navigate(LoginView.class);
        recent.next = ok(JANE);
        fireShortcut(Key.KEY_P, KeyModifier.ALT);
        assertThat(recent.listCalls).isZero();
    }

    @Test
    void populateByClickStillWorksTheSame() {
        recent.next = ok(JANE);
        _click(_get(Button.class, spec -> spec.withText("Populate phone number")));
        assertThat(field("phone").getValue()).isEqualTo("(602) 555-1234");
    }
}
