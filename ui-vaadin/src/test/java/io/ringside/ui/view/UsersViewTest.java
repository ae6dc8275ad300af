package io.ringside.ui.view;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import io.ringside.application.port.in.UserChangeRefusedException;
import io.ringside.application.port.in.UserSummary;
import io.ringside.domain.ExtensionLink;
import io.ringside.domain.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends AdminViewsTestBase {

    static final UserSummary ADA = person("ada", "Ada Admin", Role.ADMIN);
    static final UserSummary MARIA = new UserSummary(UUID_OF("maria"), "maria", "Maria Lopez", Role.OPERATOR,
            new ExtensionLink("62004", "104"), true, false, null, null, false, 3);

    static java.util.UUID UUID_OF(String username) {
        return java.util.UUID.nameUUIDFromBytes(username.getBytes());
    }

    @BeforeEach
    void asAdmin() {
        user = Fakes.User.admin();
        startVaadin();
    }

    private void open() {
        UI.getCurrent().navigate(UsersView.class);
    }

    @SuppressWarnings("unchecked")
    private Grid<UserSummary> grid() {
        return _get(Grid.class, spec -> spec.withId("users"));
    }

    private int rowOf(String username) {
        Grid<UserSummary> grid = grid();
        for (int row = 0; row < GridKt._size(grid); row++) {
            if (GridKt._get(grid, row).username().equals(username)) {
                return row;
            }
        }
        throw new AssertionError(username + " is not listed");
    }

    private void clickInRow(String username, String button) {
        _click(_get(GridKt._getCellComponent(grid(), rowOf(username), "actions"), Button.class, spec -> spec.withText(button)));
    }

    private List<String> row(String username) {
        return GridKt._getFormattedRow(grid(), rowOf(username)).subList(0, 6);
    }

    @SuppressWarnings("unchecked")
    private ComboBox<ExtensionLink> extensionField() {
        return _get(ComboBox.class, spec -> spec.withId("user-extension"));
    }

    private void fillNewPerson(String username, String displayName) {
        _click(_get(Button.class, spec -> spec.withText("Add person")));
        _setValue(_get(TextField.class, spec -> spec.withId("user-username")), username);
        _setValue(_get(TextField.class, spec -> spec.withId("user-display-name")), displayName);
    }

    private void save() {
        _click(_get(Button.class, spec -> spec.withId("user-save")));
    }

    @Test
    void listsPeopleWithRoleExtensionStatusAndLastLoginInTheConsoleZone() {
        users.people.add(new UserSummary(UUID_OF("ada"), "ada", "Ada Admin", Role.ADMIN, null, true, false, null,
                NOW.minus(Duration.ofMinutes(12)), false, 1));
        users.people.add(new UserSummary(UUID_OF("maria"), "maria", "Maria Lopez", Role.OPERATOR, new ExtensionLink("62004", "104"),
                true, false, null, null, true, 1));
        users.people.add(new UserSummary(UUID_OF("lee"), "lee", "Lee Chen", Role.OPERATOR, ExtensionLink.typed("107"), true, true,
                NOW.plus(Duration.ofMinutes(14)), at("2026-11-20T15:30:00Z"), false, 1));
        users.people.add(new UserSummary(UUID_OF("sam"), "sam", "Sam Rivera", Role.OPERATOR, null, false, true,
                NOW.plus(Duration.ofMinutes(14)), null, true, 1));
        users.people.add(new UserSummary(UUID_OF("olivia"), "olivia", "Olivia Park", Role.OPERATOR, null, true, false, null,
                NOW.minus(Duration.ofHours(3)), false, 1));
        open();

        assertThat(row("ada")).containsExactly("ada", "Ada Admin", "Admin", "—", "Enabled", "12 min ago");
        assertThat(row("maria")).containsExactly("maria", "Maria Lopez", "Operator", "104", "Must change password", "Never");
        // Phoenix is UTC-7: locked until 17:14 UTC is 10:14 there.
        assertThat(row("lee")).containsExactly("lee", "Lee Chen", "Operator", "107", "Locked until 10:14", "2026-11-20 08:30");
        assertThat(row("sam")).containsExactly("sam", "Sam Rivera", "Operator", "—", "Disabled", "Never");
        assertThat(row("olivia")).containsExactly("olivia", "Olivia Park", "Operator", "—", "Enabled", "2026-11-22 07:00");
        assertThat(_get(GridKt._getCellComponent(grid(), rowOf("sam"), "actions"), Button.class, spec -> spec.withText("Enable")))
                .isNotNull();
    }

    @Test
    void addingAPersonCallsThePortAndShowsTheTemporaryPasswordOnce() {
        users.people.add(ADA);
        open();
        fillNewPerson("maria", "Maria Lopez");
        ComboBoxKt.selectByLabel(extensionField(), "104 · Maria Lopez");
        save();

        assertThat(users.calls).containsExactly("add maria | Maria Lopez | OPERATOR | ExtensionLink[id=62004, number=104]");
        assertThat(users.actors.getFirst().username()).isEqualTo("ada");
        assertThat(users.actors.getFirst().address()).isEqualTo(Fakes.User.ADDRESS);

        Dialog shown = _get(Dialog.class, spec -> spec.withId("temporary-password-dialog"));
        assertThat(_get(shown, Paragraph.class).getText()).isEqualTo("Give this temporary password to Maria Lopez. They must"
                + " change it when they log in. It is not shown again.");
        assertThat(_get(Span.class, spec -> spec.withId("temporary-password-username")).getText()).isEqualTo("maria");
        assertThat(_get(Span.class, spec -> spec.withId("temporary-password")).getText()).isEqualTo(users.temporaryPassword);
        assertThat(row("maria")).containsExactly("maria", "Maria Lopez", "Operator", "104", "Must change password", "Never");

        _click(_get(shown, Button.class, spec -> spec.withText("Done")));
        _assertNone(Dialog.class, spec -> spec.withId("temporary-password-dialog"));
        assertThat(_find(Span.class)).noneMatch(span -> span.getText().contains(users.temporaryPassword));
        assertThat(GridKt._getFormattedRow(grid(), rowOf("maria"))).noneMatch(cell -> cell.contains(users.temporaryPassword));
    }

    @Test
    void theExtensionPickerListsTheCompanyExtensionsAndTakesATypedNumber() {
        open();
        fillNewPerson("lee", "Lee Chen");
        assertThat(ComboBoxKt.getSuggestions(extensionField())).containsExactly("101 · Front Desk", "104 · Maria Lopez", "105 · Alex Kim");

        ComboBoxKt._fireCustomValueSet(extensionField(), "107");
        assertThat(extensionField().getValue()).isEqualTo(ExtensionLink.typed("107"));
        save();

        assertThat(users.calls).containsExactly("add lee | Lee Chen | OPERATOR | ExtensionLink[id=null, number=107]");
    }

    @Test
    void aTypedNumberThatIsListedBecomesTheListedExtension() {
        open();
        fillNewPerson("maria", "Maria Lopez");
        ComboBoxKt._fireCustomValueSet(extensionField(), " 104 ");
        assertThat(extensionField().getValue()).isEqualTo(new ExtensionLink("62004", "104"));
    }

    @Test
    void aTypedValueThatIsNotANumberIsRefusedOnTheField() {
        open();
        fillNewPerson("lee", "Lee Chen");
        ComboBoxKt._fireCustomValueSet(extensionField(), "front desk");
        assertThat(extensionField().isInvalid()).isTrue();
        assertThat(extensionField().getErrorMessage()).isEqualTo("An extension number is digits only, like 103");
        save();
        assertThat(users.calls).isEmpty();
    }

    @Test
    void whenTheListIsUnavailableItsMessageShowsAndTypingStillWorks() {
        extensions.unavailable = "RingCentral is not connected, so the extension list can't be shown. Type the extension number instead.";
        open();
        fillNewPerson("lee", "Lee Chen");

        assertThat(extensionField().getHelperText()).isEqualTo(extensions.unavailable);
        assertThat(ComboBoxKt.getSuggestions(extensionField())).isEmpty();
        ComboBoxKt._fireCustomValueSet(extensionField(), "103");
        save();

        assertThat(users.calls).containsExactly("add lee | Lee Chen | OPERATOR | ExtensionLink[id=null, number=103]");
    }

    @Test
    void aFieldProblemShowsOnTheFormAndKeepsItOpen() {
        open();
        fillNewPerson("Maria Lopez", "Maria Lopez");
        users.problem = new IllegalArgumentException("The username may use letters, digits and . _ @ - only, and starts with a letter or digit");
        save();

        assertThat(_get(Paragraph.class, spec -> spec.withId("user-form-error")).getText())
                .isEqualTo("The username may use letters, digits and . _ @ - only, and starts with a letter or digit");
        _get(Dialog.class, spec -> spec.withId("user-dialog"));
        _assertNone(Dialog.class, spec -> spec.withId("temporary-password-dialog"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void editingChangesDisplayNameRoleAndExtensionButNotTheUsername() {
        users.people.add(ADA);
        users.people.add(MARIA);
        open();
        clickInRow("maria", "Edit");

        _assertNone(TextField.class, spec -> spec.withId("user-username"));
        assertThat(_get(TextField.class, spec -> spec.withId("user-display-name")).getValue()).isEqualTo("Maria Lopez");
        assertThat(extensionField().getValue()).isEqualTo(new ExtensionLink("62004", "104"));
        _setValue(_get(RadioButtonGroup.class, spec -> spec.withId("user-role")), Role.ADMIN);
        extensionField().clear();
        save();

        assertThat(users.calls).containsExactly("edit maria v3 | Maria Lopez | ADMIN | null");
        assertThat(row("maria")).contains("Admin", "—");
        NotificationsKt.expectNotifications("Maria Lopez saved");
    }

    @Test
    void disablingAsksFirstThenCallsThePortAndTheListShowsIt() {
        users.people.add(ADA);
        users.people.add(MARIA);
        open();
        clickInRow("maria", "Disable");

        ConfirmDialog dialog = _get(ConfirmDialog.class);
        assertThat(ConfirmDialogKt.getHeader(dialog)).isEqualTo("Disable Maria Lopez?");
        assertThat(ConfirmDialogKt.getText(dialog)).isEqualTo("Disable Maria Lopez? Their open sessions end now.");
        assertThat(users.calls).isEmpty();
        ConfirmDialogKt._fireConfirm(dialog);

        assertThat(users.calls).containsExactly("disable maria v3");
        assertThat(row("maria")).contains("Disabled");
        clickInRow("maria", "Enable");
        assertThat(users.calls).containsExactly("disable maria v3", "enable maria v4");
        assertThat(row("maria")).contains("Enabled");
    }

    @Test
    void cancellingTheDisableQuestionChangesNothing() {
        users.people.add(MARIA);
        open();
        clickInRow("maria", "Disable");
        ConfirmDialogKt._fireCancel(_get(ConfirmDialog.class));
        assertThat(users.calls).isEmpty();
        assertThat(row("maria")).contains("Enabled");
    }

    @Test
    void aRefusalSuchAsTheLastAdminIsShown() {
        users.people.add(ADA);
        open();
        users.refusal = new UserChangeRefusedException("Ringside needs at least one enabled admin: make someone else an admin first.");
        clickInRow("ada", "Disable");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        NotificationsKt.expectNotifications("Ringside needs at least one enabled admin: make someone else an admin first.");
        assertThat(row("ada")).contains("Enabled");
    }

    @Test
    void resettingAPasswordAsksThenShowsTheNewTemporaryPassword() {
        users.people.add(MARIA);
        open();
        clickInRow("maria", "Reset password");
        assertThat(users.calls).isEmpty();
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        assertThat(users.calls).containsExactly("reset maria");
        assertThat(_get(Span.class, spec -> spec.withId("temporary-password")).getText()).isEqualTo(users.temporaryPassword);
        assertThat(row("maria")).contains("Must change password");
    }
}
