package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.RouterLink;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class ChangePasswordViewTest extends KaribuTestBase {

    private static final String CURRENT = "temporary-pass-1";
    private static final String GOOD = "correct horse battery";

    private void open() {
        startVaadin();
        UI.getCurrent().navigate(ChangePasswordView.PATH);
    }

    private PasswordField field(String id) {
        return _get(PasswordField.class, spec -> spec.withId(id));
    }

    private void change(String current, String next, String repeat) {
        _setValue(field("current-password"), current);
        _setValue(field("new-password"), next);
        _setValue(field("repeat-password"), repeat);
        _click(_get(Button.class, spec -> spec.withId("change-password-button")));
    }

    /** The error shown on the field, or null when it is not marked invalid. */
    private String errorOn(String id) {
        PasswordField field = field(id);
        return field.isInvalid() ? field.getErrorMessage() : null;
    }

    @Test
    void theRulesAreShownBeforeTyping() {
        open();
        assertThat(field("new-password").getHelperText()).isEqualTo("12–64 characters, not a commonly used password, not your username.");
        _assertNone(Paragraph.class, spec -> spec.withId("must-change"));
    }

    @Test
    void someoneWithATemporaryPasswordIsToldWhy() {
        user.mustChangePassword = true;
        open();
        assertThat(_get(Paragraph.class, spec -> spec.withId("must-change")).getText())
                .isEqualTo("Choose your own password before you continue: the one you have was set by an admin.");
    }

    @Test
    void aDifferentRepeatIsRefusedOnTheRepeatField() {
        open();
        change(CURRENT, GOOD, GOOD + "!");
        assertThat(errorOn("repeat-password")).isEqualTo("The two new passwords differ.");
        assertThat(passwords.changedBy).isEmpty();
    }

    @Test
    void aWrongCurrentPasswordIsShownOnTheCurrentField() {
        open();
        change("not-the-one-at-all", GOOD, GOOD);
        assertThat(errorOn("current-password")).isEqualTo("The current password is not right.");
        assertThat(errorOn("new-password")).isNull();
    }

    @Test
    void aTooShortPasswordIsShownOnTheNewField() {
        open();
        change(CURRENT, "short", "short");
        assertThat(errorOn("new-password")).isEqualTo("The password must be at least 12 characters long (this one has 5).");
        assertThat(errorOn("current-password")).isNull();
        assertThat(passwords.changedBy).isEmpty();
    }

    @Test
    void aTooLongPasswordIsShownOnTheNewField() {
        open();
        String tooLong = "x".repeat(65);
        change(CURRENT, tooLong, tooLong);
        assertThat(errorOn("new-password")).isEqualTo("The password must be at most 64 characters long (this one has 65).");
    }

    @Test
    void aCommonPasswordIsShownOnTheNewField() {
        open();
        change(CURRENT, "Password1234", "Password1234");
        assertThat(errorOn("new-password"))
                .isEqualTo("This password is on a list of commonly used passwords; choose one that is harder to guess.");
    }

    @Test
    void aGoodPasswordIsChangedAndTheUserGoesOn() {
        user.mustChangePassword = true;
        open();
        change(CURRENT, GOOD, GOOD);
        assertThat(passwords.changedBy).containsExactly("olivia");
        assertThat(passwords.current).isEqualTo(GOOD);
        NotificationsKt.expectNotifications("Password changed");
        _assertOne(IntakeView.class);
    }

    @Test
    void everyoneReachesItFromTheHeader() {
        startVaadin();
        UI.getCurrent().navigate(IntakeView.class);
        UI.getCurrent().navigate(_get(RouterLink.class, spec -> spec.withId("change-password")).getHref());
        _assertOne(ChangePasswordView.class);
    }
}
